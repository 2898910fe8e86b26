package ffcnn.method;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** The words for a preset value the user got wrong: the key, what it must be, and what it was. */
final class ValueChecks {

    /** What YAML and Java read as NaN or an infinity. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?\\.?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private ValueChecks() {
    }

    /** Whether {@code text} spells NaN or an infinity. */
    static boolean spellsNonFinite(String text) {
        return NON_FINITE.matcher(text.strip()).matches();
    }

    /** "key must be a finite number, got NaN" for the first NaN or infinity in {@code node}, else null. */
    static String firstNonFinite(JsonNode node, String key) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String found = firstNonFinite(f.getValue(), key.isEmpty() ? f.getKey() : key + "." + f.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNonFinite(node.get(i), key + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if ((node.isNumber() && !Double.isFinite(node.asDouble()))
                || (node.isTextual() && spellsNonFinite(node.asText()))) {
            return key + " must be a finite number, got " + node.asText();
        }
        return null;
    }

    /** "train.epochs must be an integer, got 'abc'". */
    static String mismatch(String key, Class<?> target, JsonNode value, String fallback) {
        String expected = expected(target);
        if (expected == null || value.isMissingNode()) {
            return key + ": " + fallback.strip().lines().findFirst().orElse("");
        }
        String got = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return key + " must be " + expected + ", got " + got;
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "an integer";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return null;
    }

    /** The dotted key path of a binding error, e.g. {@code train.epochs}. */
    static String keyPath(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.length() == 0 ? "value" : key.toString();
    }

    /** The JSON pointer of a binding error's value in the bound tree. */
    static JsonPointer pointer(JsonMappingException e) {
        StringBuilder p = new StringBuilder();
        for (var ref : e.getPath()) {
            p.append('/').append(ref.getFieldName() != null
                    ? ref.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(ref.getIndex()));
        }
        return JsonPointer.compile(p.toString());
    }
}
