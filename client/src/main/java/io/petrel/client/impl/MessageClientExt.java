package io.petrel.client.impl;

import io.petrel.common.message.MessageExt;
import io.petrel.common.message.MessageProperties;

/**
 * A message as consumers see it: {@link #getMsgId()} is the producer's unique id ({@code UNIQ_KEY}) when the message
 * has one, the broker's offset id otherwise, which stays available as {@link #getOffsetMsgId()}.
 */
public class MessageClientExt extends MessageExt {
    public String getOffsetMsgId() {
        return super.getMsgId();
    }

    public void setOffsetMsgId(String offsetMsgId) {
        super.setMsgId(offsetMsgId);
    }

    @Override
    public String getMsgId() {
        String uniq = getProperty(MessageProperties.UNIQ_KEY);
        return uniq != null ? uniq : getOffsetMsgId();
    }
}
