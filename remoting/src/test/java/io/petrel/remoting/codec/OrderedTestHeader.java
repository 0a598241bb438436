package io.petrel.remoting.codec;

import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.HeaderWriter;
import java.util.LinkedHashMap;

/** A header whose fields are given in declaration order, to exercise the codecs without protocol classes. */
final class OrderedTestHeader implements CommandHeader {
    private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    private final boolean fieldsFirst;

    OrderedTestHeader(boolean fieldsFirst, String... keyValues) {
        this.fieldsFirst = fieldsFirst;
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
    }

    @Override
    public void writeTo(HeaderWriter out) {
        fields.forEach(out::put);
    }

    @Override
    public boolean fieldsFirstOnWire() {
        return fieldsFirst;
    }
}
