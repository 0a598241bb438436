package io.petrel.remoting.protocol.header;

import io.petrel.remoting.protocol.CommandHeader;
import io.petrel.remoting.protocol.ExtFields;
import io.petrel.remoting.protocol.HeaderWriter;

/** RESUME_CHECK_HALF_MESSAGE (323) request. Keys: msgId? (the offset message id of the half message). */
public record ResumeCheckHalfMessageRequestHeader(String msgId) implements CommandHeader {

    @Override
    public void writeTo(HeaderWriter out) {
        out.put("msgId", msgId);
    }

    public static ResumeCheckHalfMessageRequestHeader decode(ExtFields f) {
        return new ResumeCheckHalfMessageRequestHeader(f.string("msgId"));
    }
}
