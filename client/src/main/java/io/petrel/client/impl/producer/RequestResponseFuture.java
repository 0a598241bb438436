package io.petrel.client.impl.producer;

import io.petrel.client.producer.RequestCallback;
import io.petrel.common.message.Message;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request waiting for its reply, by correlation id. It ends once: with the reply, with the send's failure, or
 * with a timeout; a callback, if any, hears of that end exactly once.
 */
public final class RequestResponseFuture {
    private final String correlationId;
    private final long timeoutMillis;
    private final RequestCallback callback;
    private final long beginTimestamp = System.currentTimeMillis();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Message responseMsg;
    private volatile boolean sendRequestOk = true;
    private volatile Throwable cause;

    public RequestResponseFuture(String correlationId, long timeoutMillis, RequestCallback callback) {
        this.correlationId = correlationId;
        this.timeoutMillis = timeoutMillis;
        this.callback = callback;
    }

    public void putResponseMessage(Message reply) {
        if (ended.compareAndSet(false, true)) {
            responseMsg = reply;
            done.countDown();
            if (callback != null) {
                callback.onSuccess(reply);
            }
        }
    }

    /** The request could not be sent, or no reply came in time. */
    public void fail(boolean sendOk, Throwable why) {
        if (ended.compareAndSet(false, true)) {
            sendRequestOk = sendOk;
            cause = why;
            done.countDown();
            if (callback != null) {
                callback.onException(why);
            }
        }
    }

    public Message waitResponseMessage(long timeoutMillis) throws InterruptedException {
        done.await(Math.max(timeoutMillis, 0), TimeUnit.MILLISECONDS);
        return responseMsg;
    }

    public boolean isTimeout(long nowMillis) {
        return nowMillis - beginTimestamp > timeoutMillis;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public boolean isSendRequestOk() {
        return sendRequestOk;
    }

    public Throwable getCause() {
        return cause;
    }
}
