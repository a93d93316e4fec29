package com.liftguard.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** RFC 6901 JSON pointers. */
public final class JsonPointers {
    private JsonPointers() {}

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
