/** File writing that never leaves half a file behind. Depends on nothing else in ffcnn. */
package ffcnn.io;
