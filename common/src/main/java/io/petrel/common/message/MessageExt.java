package io.petrel.common.message;

import java.net.InetSocketAddress;

/**
 * A message together with the fields the broker and store attach to it. This is what a decoded
 * stored record (and a pulled message) looks like. Not thread-safe.
 */
public class MessageExt extends Message {
    private int queueId;
    private int storeSize;
    private long queueOffset;
    private int sysFlag;
    private long bornTimestamp;
    private InetSocketAddress bornHost;
    private long storeTimestamp;
    private InetSocketAddress storeHost;
    private String msgId;
    private long commitLogOffset;
    private int bodyCRC;
    private int reconsumeTimes;
    private long preparedTransactionOffset;

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    public int getStoreSize() {
        return storeSize;
    }

    public void setStoreSize(int storeSize) {
        this.storeSize = storeSize;
    }

    public long getQueueOffset() {
        return queueOffset;
    }

    public void setQueueOffset(long queueOffset) {
        this.queueOffset = queueOffset;
    }

    public int getSysFlag() {
        return sysFlag;
    }

    public void setSysFlag(int sysFlag) {
        this.sysFlag = sysFlag;
    }

    public long getBornTimestamp() {
        return bornTimestamp;
    }

    public void setBornTimestamp(long bornTimestamp) {
        this.bornTimestamp = bornTimestamp;
    }

    public InetSocketAddress getBornHost() {
        return bornHost;
    }

    /** Also sets or clears the born-host IPv6 bit of the sysflag. */
    public void setBornHost(InetSocketAddress bornHost) {
        this.bornHost = bornHost;
        sysFlag = HostCodec.isV6(bornHost) ? sysFlag | MessageSysFlag.BORNHOST_V6 : sysFlag & ~MessageSysFlag.BORNHOST_V6;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long storeTimestamp) {
        this.storeTimestamp = storeTimestamp;
    }

    public InetSocketAddress getStoreHost() {
        return storeHost;
    }

    /** Also sets or clears the store-host IPv6 bit of the sysflag. */
    public void setStoreHost(InetSocketAddress storeHost) {
        this.storeHost = storeHost;
        sysFlag = HostCodec.isV6(storeHost)
            ? sysFlag | MessageSysFlag.STOREHOSTADDRESS_V6 : sysFlag & ~MessageSysFlag.STOREHOSTADDRESS_V6;
    }

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public long getCommitLogOffset() {
        return commitLogOffset;
    }

    public void setCommitLogOffset(long commitLogOffset) {
        this.commitLogOffset = commitLogOffset;
    }

    public int getBodyCRC() {
        return bodyCRC;
    }

    public void setBodyCRC(int bodyCRC) {
        this.bodyCRC = bodyCRC;
    }

    public int getReconsumeTimes() {
        return reconsumeTimes;
    }

    public void setReconsumeTimes(int reconsumeTimes) {
        this.reconsumeTimes = reconsumeTimes;
    }

    public long getPreparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    public void setPreparedTransactionOffset(long preparedTransactionOffset) {
        this.preparedTransactionOffset = preparedTransactionOffset;
    }

    @Override
    public String toString() {
        return "MessageExt{topic=" + getTopic() + ", queueId=" + queueId + ", queueOffset=" + queueOffset
            + ", commitLogOffset=" + commitLogOffset + ", storeSize=" + storeSize + ", sysFlag=" + sysFlag
            + ", msgId=" + msgId + ", properties=" + getProperties() + "}";
    }
}
