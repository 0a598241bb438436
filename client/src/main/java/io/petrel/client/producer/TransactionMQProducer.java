package io.petrel.client.producer;

import io.petrel.client.exception.MQClientException;
import io.petrel.common.message.Message;
import io.petrel.remoting.RPCHook;
import io.petrel.common.util.NamedThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A producer of transactional messages: half message, local transaction, commit or roll back, checks. */
public class TransactionMQProducer extends DefaultMQProducer {
    private int checkThreadPoolMinSize = 1;
    private int checkThreadPoolMaxSize = 1;
    private int checkRequestHoldMax = 2000;
    private ExecutorService executorService;
    private TransactionListener transactionListener;

    public TransactionMQProducer() {
    }

    public TransactionMQProducer(String producerGroup) {
        super(producerGroup);
    }

    public TransactionMQProducer(String producerGroup, RPCHook rpcHook) {
        super(producerGroup, rpcHook);
    }

    public TransactionMQProducer(String namespace, String producerGroup) {
        super(namespace, producerGroup);
    }

    public TransactionMQProducer(String namespace, String producerGroup, RPCHook rpcHook) {
        super(namespace, producerGroup, rpcHook);
    }

    @Override
    public void start() throws MQClientException {
        boolean own = executorService == null;
        ExecutorService checks = own ? new ThreadPoolExecutor(checkThreadPoolMinSize, checkThreadPoolMaxSize, 60,
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(checkRequestHoldMax),
            new NamedThreadFactory("TransactionCheck_" + getProducerGroup())) : executorService;
        defaultMQProducerImpl.initTransactionEnv(transactionListener, checks, own);
        super.start();
    }

    @Override
    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        if (transactionListener == null) {
            throw new MQClientException("TransactionListener is null", null);
        }
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.transactions().sendMessageInTransaction(msg, arg);
    }

    public TransactionListener getTransactionListener() {
        return transactionListener;
    }

    public void setTransactionListener(TransactionListener transactionListener) {
        this.transactionListener = transactionListener;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    public int getCheckThreadPoolMinSize() {
        return checkThreadPoolMinSize;
    }

    public void setCheckThreadPoolMinSize(int checkThreadPoolMinSize) {
        this.checkThreadPoolMinSize = checkThreadPoolMinSize;
    }

    public int getCheckThreadPoolMaxSize() {
        return checkThreadPoolMaxSize;
    }

    public void setCheckThreadPoolMaxSize(int checkThreadPoolMaxSize) {
        this.checkThreadPoolMaxSize = checkThreadPoolMaxSize;
    }

    public int getCheckRequestHoldMax() {
        return checkRequestHoldMax;
    }

    public void setCheckRequestHoldMax(int checkRequestHoldMax) {
        this.checkRequestHoldMax = checkRequestHoldMax;
    }
}
