package com.liftguard.notifications.persistence;

import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Conversions between BSON documents and the records the service works with. */
final class Documents {
    private Documents() {}

    static List<Document> reasons(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> new Document("code", r.code())
                        .append("message", r.message())
                        .append("fields", r.fields()))
                .toList();
    }

    static List<Reason> reasons(Document doc, String field) {
        return doc.getList(field, Document.class, List.of()).stream()
                .map(r -> new Reason(
                        r.getString("code"), r.getString("message"), r.getList("fields", String.class, List.of())))
                .toList();
    }

    static List<String> strings(Document doc, String field) {
        return doc.getList(field, String.class, List.of());
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
