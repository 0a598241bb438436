package io.petrel.common.body;

import io.petrel.common.heartbeat.ConsumeFromWhere;
import io.petrel.common.heartbeat.ConsumeType;
import io.petrel.common.heartbeat.MessageModel;
import io.petrel.common.heartbeat.SubscriptionData;
import io.petrel.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random bodies for the cross-checks: names mix ASCII, non-ASCII (including a supplementary character), JSON
 * syntax characters and the control characters that need escapes; numbers cover the edges of their ranges.
 */
final class RandomBodies {
    private static final String[] PIECES = {"a", "Z", "0", "_", "%RETRY%", "@", "-", ":", " ", "\"", "\\", "/",
        "{", "}", "[", "]", ",", "é", "中", "😀", "\n", "\t", "\r", "\b", "\f", "\u0000", "\u0001", "\u001f",
        "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "<", "&", "'", "TopicTest", "broker-a"};
    private static final String[] LANGUAGES = {"JAVA", "CPP", "DOTNET", "PYTHON", "GO", "RUST", "OTHER"};

    private final Random rnd;

    RandomBodies(long seed) {
        this.rnd = new Random(seed);
    }

    String name() {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    String nameOrNull() {
        return rnd.nextInt(8) == 0 ? null : name();
    }

    long anyLong() {
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(1000);
            case 2 -> 1_700_000_000_000L + rnd.nextInt(1_000_000_000);
            case 3 -> rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 4 -> -rnd.nextInt(1000);
            default -> rnd.nextLong();
        };
    }

    int anyInt() {
        return switch (rnd.nextInt(5)) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(1000);
            case 2 -> rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            case 3 -> -rnd.nextInt(1000);
            default -> rnd.nextInt();
        };
    }

    /** A finite double other than -0.0 (which neither side keeps: both read {@code -0.0} as 0). */
    double anyDouble() {
        double d = switch (rnd.nextInt(7)) {
            case 0 -> 0.0;
            case 1 -> rnd.nextInt(100000) / 4.0;
            case 2 -> rnd.nextDouble();
            case 3 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
            case 4 -> rnd.nextInt(20) * 1e6;
            case 5 -> -rnd.nextDouble() * 1000;
            default -> Double.longBitsToDouble(rnd.nextLong());
        };
        return Double.isFinite(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0) ? d : 1.0;
    }

    boolean bool() {
        return rnd.nextBoolean();
    }

    int count(int max) {
        return rnd.nextInt(max + 1);
    }

    /** Queue ids stay small: 4.9.7 orders queues by {@code queueId - other.queueId}, which overflows. */
    MessageQueue queue() {
        return new MessageQueue(name(), name(), rnd.nextInt(100_000) - 1000);
    }

    <E extends Enum<E>> E enumOrNull(E[] values) {
        return rnd.nextInt(6) == 0 ? null : values[rnd.nextInt(values.length)];
    }

    <K, V> Map<K, V> map(int max, Supplier<K> key, Supplier<V> value) {
        Map<K, V> out = new LinkedHashMap<>();
        int n = count(max);
        for (int i = 0; i < n; i++) {
            out.put(key.get(), value.get());
        }
        return out;
    }

    <E> Set<E> set(int max, Supplier<E> element) {
        Set<E> out = new LinkedHashSet<>();
        int n = count(max);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    <E> List<E> list(int max, Supplier<E> element) {
        List<E> out = new ArrayList<>();
        int n = count(max);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    OffsetWrapper offsetWrapper() {
        return new OffsetWrapper(anyLong(), anyLong(), anyLong());
    }

    TopicOffset topicOffset() {
        return new TopicOffset(anyLong(), anyLong(), anyLong());
    }

    ConsumeStats consumeStats() {
        return new ConsumeStats(map(6, this::queue, this::offsetWrapper), anyDouble());
    }

    Connection connection() {
        return new Connection(nameOrNull(), nameOrNull(), language(), anyInt());
    }

    SubscriptionData subscription() {
        String[] types = {"TAG", "SQL92", name()};
        return new SubscriptionData(name(), nameOrNull(), set(3, this::name), set(3, this::anyInt), anyLong(),
            types[rnd.nextInt(types.length)], bool());
    }

    ConsumerConnection consumerConnection() {
        return new ConsumerConnection(set(4, this::connection), map(3, this::name, this::subscription),
            enumOrNull(ConsumeType.values()), enumOrNull(MessageModel.values()),
            enumOrNull(ConsumeFromWhere.values()));
    }

    ProcessQueueInfo processQueueInfo() {
        return new ProcessQueueInfo(anyLong(), anyLong(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong(),
            anyInt(), bool(), anyLong(), anyLong(), bool(), anyLong(), anyLong());
    }

    ConsumeStatus consumeStatus() {
        return new ConsumeStatus(anyDouble(), anyDouble(), anyDouble(), anyDouble(), anyDouble(), anyLong());
    }

    ConsumerRunningInfo consumerRunningInfo() {
        return new ConsumerRunningInfo(map(5, this::name, this::name), set(4, this::subscription),
            map(5, this::queue, this::processQueueInfo), map(3, this::name, this::consumeStatus), nameOrNull());
    }

    ConsumeMessageDirectlyResult consumeMessageDirectlyResult() {
        return new ConsumeMessageDirectlyResult(bool(), bool(), enumOrNull(CMResult.values()), nameOrNull(),
            anyLong());
    }

    QueueTimeSpan queueTimeSpan() {
        long base = 1_600_000_000_000L;
        return new QueueTimeSpan(rnd.nextInt(8) == 0 ? null : queue(), base + rnd.nextInt(Integer.MAX_VALUE),
            base + rnd.nextInt(Integer.MAX_VALUE), rnd.nextInt(4) == 0 ? 0 : base + rnd.nextInt(Integer.MAX_VALUE),
            anyLong());
    }

    BrokerStatsItem brokerStatsItemOrNull() {
        return rnd.nextInt(5) == 0 ? null : new BrokerStatsItem(anyLong(), anyDouble(), anyDouble());
    }

    ConsumeStatsList consumeStatsList() {
        return new ConsumeStatsList(list(3, () -> map(3, this::name, () -> list(3, this::consumeStats))), nameOrNull(),
            anyLong());
    }

    String language() {
        return rnd.nextInt(8) == 0 ? null : LANGUAGES[rnd.nextInt(LANGUAGES.length)];
    }

    QueryConsumeQueueResponseBody queryConsumeQueueResponseBody() {
        return new QueryConsumeQueueResponseBody(rnd.nextInt(4) == 0 ? null : subscription(), nameOrNull(),
            rnd.nextInt(4) == 0 ? null : list(4, () -> new ConsumeQueueData(anyLong(), anyInt(), anyLong(),
                nameOrNull(), nameOrNull(), bool(), nameOrNull())), anyLong(), anyLong());
    }

    ProducerTableInfo producerTableInfo() {
        return new ProducerTableInfo(map(3, this::name,
            () -> list(3, () -> new ProducerInfo(nameOrNull(), nameOrNull(), language(), anyInt(), anyLong()))));
    }

    ClusterAclVersionInfo clusterAclVersionInfo() {
        return new ClusterAclVersionInfo(nameOrNull(), nameOrNull(), rnd.nextInt(4) == 0 ? null : dataVersion(),
            rnd.nextInt(4) == 0 ? null : map(3, this::name, this::dataVersion), nameOrNull());
    }

    AclConfig aclConfig() {
        return new AclConfig(stringsOrNull(), rnd.nextInt(4) == 0 ? null : list(3, () -> new PlainAccessConfig(
            nameOrNull(), nameOrNull(), nameOrNull(), bool(), nameOrNull(), nameOrNull(), stringsOrNull(),
            stringsOrNull())));
    }

    private List<String> stringsOrNull() {
        return rnd.nextInt(4) == 0 ? null : list(3, this::name);
    }

    io.petrel.common.route.DataVersion dataVersion() {
        return new io.petrel.common.route.DataVersion(anyLong(), anyLong());
    }

    GetConsumerStatusBody getConsumerStatusBody() {
        return new GetConsumerStatusBody(map(4, this::queue, this::anyLong),
            map(3, this::name, () -> map(3, this::queue, this::anyLong)));
    }
}
