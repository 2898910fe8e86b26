#!/usr/bin/env python3
"""CwComp's paper presets (presets/cwcomp/{mnist,fashion-mnist}.yaml) in plain PyTorch, as a cross-check.

The same recipe as ffcnn's `--method cwcomp --preset paper`: four 3x3 convolutions (20, 80, 240, 480 channels, the
2nd and 4th grouped per class and max-pooled), conv -> ReLU -> pool -> BatchNorm(eps 1e-4), a cross-entropy over
the mean squares of each class's channel group per layer, Adam 0.01 per layer on detached inputs, the layer-wise
schedule (layer l learns in epochs [start, end) and only passes data on after), batch norm's statistics updated a
second time by a training-mode prediction after each step, batch 128, all 60,000 training images, inputs
normalised (Fashion-MNIST 0.5/0.5, MNIST 0.1307/0.3081). It also trains the softmax read-out that the official
code trains beside the goodness prediction (a linear layer on the last layer's output, softmax then cross-entropy,
SGD 0.01), so both predictors are scored, and it can restart from the best epoch's weights for further stages.

It runs wherever PyTorch does (a GPU when present); ffcnn itself never calls it. Each epoch is one JSON line.

  python3 scripts/reference/cwcomp_torch.py --dataset fashion-mnist --data DIR --out results.jsonl
"""
import argparse
import copy
import gzip
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

NORMALIZATION = {"mnist": (0.1307, 0.3081), "fashion-mnist": (0.5, 0.5)}
SCHEDULES = {"mnist": [[0, 2], [0, 3], [0, 4], [0, 5]], "fashion-mnist": [[0, 10], [0, 15], [0, 19], [0, 23]]}
CHANNELS = [20, 80, 240, 480]
CLASSES = 10


def read_idx(path):
    """One gzipped IDX file as a uint8 array (magic 0x0801 labels, 0x0803 images)."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 8:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(raw[3])]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * raw[3]).reshape(dims)


def load_split(folder, prefix, dataset, device):
    images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz")).astype(np.int64)
    mean, std = NORMALIZATION[dataset]
    x = torch.from_numpy((images - mean) / std).unsqueeze(1)
    return x.to(device), torch.from_numpy(labels).to(device)


class Block(nn.Module):
    """conv -> ReLU -> (2x2 max pool) -> BatchNorm; its own Adam and its own class-group goodness."""

    def __init__(self, cin, cout, groups, pool, lr):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1, groups=groups)
        self.bn = nn.BatchNorm2d(cout, eps=1e-4)
        self.pool = pool
        self.lr = lr
        self.optimizer = torch.optim.Adam(self.parameters(), lr=lr)

    def forward(self, x):
        x = F.relu(self.conv(x))
        if self.pool:
            x = F.max_pool2d(x, 2)
        return self.bn(x)

    @staticmethod
    def goodness(y):
        """Mean square of each class's contiguous channel group: (batch, classes)."""
        return y.reshape(y.shape[0], CLASSES, -1).square().mean(2)


def build(device, lr):
    blocks, cin = [], 1
    for i, cout in enumerate(CHANNELS):
        grouped = i % 2 == 1
        blocks.append(Block(cin, cout, CLASSES if grouped else 1, grouped, lr))
        cin = cout
    net = nn.ModuleList(blocks).to(device)
    readout = nn.Linear(CHANNELS[-1] * 7 * 7, CLASSES).to(device)
    return net, readout


def new_optimizers(net, readout, lr):
    for block in net:
        block.optimizer = torch.optim.Adam(block.parameters(), lr=lr)
    return torch.optim.SGD(readout.parameters(), lr=0.01)


def evaluate(net, readout, x, y, batch):
    net.eval()
    readout.eval()
    goodness_right = readout_right = 0
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            h = x[i:i + batch]
            for block in net:
                h = block(h)
            goodness_right += (Block.goodness(h).argmax(1) == y[i:i + batch]).sum().item()
            readout_right += (readout(h.flatten(1)).argmax(1) == y[i:i + batch]).sum().item()
    net.train()
    readout.train()
    return 100.0 * goodness_right / x.shape[0], 100.0 * readout_right / x.shape[0]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dataset", choices=sorted(SCHEDULES), required=True)
    p.add_argument("--data", required=True, help="folder with the four official gzipped IDX files")
    p.add_argument("--out", required=True, help="JSONL file; one line per epoch is appended")
    p.add_argument("--tag", default="", help="a name for this run in every line")
    p.add_argument("--seed", type=int, default=2)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--stages", type=int, default=1, help="stages after the first restart from the best epoch")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--lr-min", type=float, default=None, help="cosine over the epochs of a stage down to this")
    p.add_argument("--schedule", default=None, help="JSON [[start, end], ...] per layer (default: the official)")
    p.add_argument("--limit-train", type=int, default=0)
    args = p.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(args.seed)
    x_train, y_train = load_split(args.data, "train", args.dataset, device)
    x_test, y_test = load_split(args.data, "t10k", args.dataset, device)
    if args.limit_train:
        x_train, y_train = x_train[:args.limit_train], y_train[:args.limit_train]
    schedule = json.loads(args.schedule) if args.schedule else SCHEDULES[args.dataset]
    net, readout = build(device, args.lr)
    readout_optimizer = new_optimizers(net, readout, args.lr)
    best = {"acc": -1.0}
    n = x_train.shape[0]
    for stage in range(args.stages):
        if stage > 0:
            net.load_state_dict(best["net"])
            readout.load_state_dict(best["readout"])
            readout_optimizer = new_optimizers(net, readout, args.lr)
            best = {"acc": -1.0}
        for epoch in range(args.epochs):
            started = time.time()
            lr = args.lr if args.lr_min is None else \
                args.lr_min + (args.lr - args.lr_min) * (1 + math.cos(math.pi * epoch / args.epochs)) / 2
            for block in net:
                for group in block.optimizer.param_groups:
                    group["lr"] = lr
            order = torch.randperm(n, device=device)
            train_right = 0
            for i in range(0, n, args.batch):
                idx = order[i:i + args.batch]
                xb, yb = x_train[idx], y_train[idx]
                h = xb
                for block, (start, end) in zip(net, schedule):
                    if start <= epoch < end:
                        out = block(h)
                        loss = F.cross_entropy(Block.goodness(out), yb)
                        block.optimizer.zero_grad(set_to_none=True)
                        loss.backward()
                        block.optimizer.step()
                        h = out.detach()
                    else:
                        with torch.no_grad():
                            h = block(h)
                readout_loss = F.cross_entropy(F.softmax(readout(h.flatten(1)), dim=1), yb)
                readout_optimizer.zero_grad(set_to_none=True)
                readout_loss.backward()
                readout_optimizer.step()
                with torch.no_grad():  # the training-mode prediction: batch norm's second update
                    h = xb
                    for block in net:
                        h = block(h)
                    train_right += (Block.goodness(h).argmax(1) == yb).sum().item()
            if device.type == "cuda":
                torch.cuda.synchronize()
            train_seconds = time.time() - started
            test_acc, readout_acc = evaluate(net, readout, x_test, y_test, args.batch)
            if test_acc > best["acc"]:
                best = {"acc": test_acc, "epoch": epoch,
                        "net": copy.deepcopy(net.state_dict()), "readout": copy.deepcopy(readout.state_dict())}
            line = {"tag": args.tag, "dataset": args.dataset, "seed": args.seed, "stage": stage, "epoch": epoch + 1,
                    "lr": lr, "train_acc": 100.0 * train_right / n, "test_acc": test_acc,
                    "readout_test_acc": readout_acc, "best_test_acc": best["acc"], "best_epoch": best["epoch"] + 1,
                    "train_seconds": round(train_seconds, 2), "device": str(device)}
            with open(args.out, "a") as f:
                f.write(json.dumps(line) + "\n")
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
