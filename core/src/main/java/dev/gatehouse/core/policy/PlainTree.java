package dev.gatehouse.core.policy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies an input tree into plain maps and lists. Besides Map and List it accepts other iterables, such as
 * Vert.x {@code JsonObject} (an iterable of map entries) and {@code JsonArray} nested inside
 * {@code JsonArray.getList()}, without depending on Vert.x.
 */
final class PlainTree {

    private static final int MAX_DEPTH = 64;

    private PlainTree() {
    }

    static Object copy(Object value) {
        return copy(value, 0);
    }

    private static Object copy(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new PolicyException(List.of(new PolicyError("", null, "nesting deeper than " + MAX_DEPTH + " levels")));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), copy(entry.getValue(), depth + 1));
            }
            return copy;
        }
        if (value instanceof Iterable<?> iterable) {
            Iterator<?> elements = iterable.iterator();
            Object first = elements.hasNext() ? elements.next() : null;
            if (!(value instanceof List<?>) && first instanceof Map.Entry<?, ?>) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Object element : iterable) {
                    Map.Entry<?, ?> entry = (Map.Entry<?, ?>) element;
                    copy.put(String.valueOf(entry.getKey()), copy(entry.getValue(), depth + 1));
                }
                return copy;
            }
            List<Object> copy = new ArrayList<>();
            for (Object element : iterable) {
                copy.add(copy(element, depth + 1));
            }
            return copy;
        }
        return value;
    }
}
