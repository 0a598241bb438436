package io.petrel.broker.fuzz;

import io.netty.buffer.Unpooled;
import io.petrel.common.body.ConsumerOffsetSerializeWrapper;
import io.petrel.common.body.LockBatchBody;
import io.petrel.common.body.ResetOffsetBody;
import io.petrel.common.heartbeat.HeartbeatData;
import io.petrel.common.message.MessageBatchCodec;
import io.petrel.common.message.PropertiesCodec;
import io.petrel.common.message.StoredMessageCodec;
import io.petrel.common.route.DataVersion;
import io.petrel.common.route.RegisterBrokerBody;
import io.petrel.common.route.TopicConfigSerializeWrapper;
import io.petrel.common.subscription.SubscriptionGroupConfig;
import io.petrel.common.subscription.SubscriptionGroupWrapper;
import io.petrel.remoting.codec.RemotingFrame;
import io.petrel.remoting.exception.RemotingCommandException;
import io.petrel.remoting.protocol.HeaderDecoder;
import io.petrel.remoting.protocol.RemotingCommand;
import io.petrel.remoting.protocol.header.PullMessageRequestHeader;
import io.petrel.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeader;
import io.petrel.remoting.protocol.header.SendMessageRequestHeaderV2;
import io.petrel.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The decoders that read bytes from the network or from store files, each fed mutated 4.9.7 vectors: the frame
 * decoder with both header codecs (and the request headers decoded from the result), stored records, batch bodies,
 * properties strings and the JSON bodies servers parse. A clean refusal is the exception each decoder documents;
 * anything else — another runtime exception, an OutOfMemoryError from a declared length — is a failure.
 */
final class DecoderFuzz {
    private static final String[] FRAMES = {"16_send_v2_request_plain", "18_send_batch_request",
        "20_send_v2_request_compressed", "27_heartbeat_request_producer", "29_heartbeat_request_consumer",
        "37_pull_request_q1", "35_query_consumer_offset_request", "46_update_consumer_offset_oneway",
        "01_register_broker_request_boot", "03_update_and_create_topic_request", "r03_send_v2_request"};

    /** One decoder with its seeds and what counts as a clean refusal. */
    record Case(String name, List<byte[]> seeds, FuzzRun.Target target, Predicate<Throwable> clean) {
    }

    private DecoderFuzz() {
    }

    private static Predicate<Throwable> only(Class<?>... types) {
        return t -> Arrays.stream(types).anyMatch(c -> c.isInstance(t));
    }

    static byte[] vector(String file) {
        try (InputStream in = DecoderFuzz.class.getResourceAsStream("/vectors/fuzz/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no vector " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return file.endsWith(".hex") ? HexFormat.of().parseHex(text.replaceAll("\\s", "")) : text.getBytes(
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame without its length field, as the frame decoder hands it on. */
    private static byte[] frameBody(String name) {
        byte[] f = vector(name + ".hex");
        return Arrays.copyOfRange(f, 4, f.length);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        for (String f : FRAMES) {
            frames.add(frameBody(f));
        }
        cases.add(new Case("remoting frame + request headers", frames, input -> {
            RemotingCommand cmd = RemotingFrame.decode(Unpooled.wrappedBuffer(input));
            // What the processors do next with a request: read its typed header. Each may refuse it.
            for (var decoder : List.<HeaderDecoder<?>>of(SendMessageRequestHeader::decode,
                SendMessageRequestHeaderV2::decode, PullMessageRequestHeader::decode,
                QueryConsumerOffsetRequestHeader::decode, UpdateConsumerOffsetRequestHeader::decode)) {
                try {
                    cmd.decodeHeader(decoder);
                } catch (RemotingCommandException e) {
                    // refused: the processor answers an error
                }
            }
        }, only(RemotingCommandException.class)));

        byte[] commitLog = vector("commitlog_00000000000000000000.hex");
        cases.add(new Case("stored records", List.of(commitLog), input -> {
            ByteBuffer b = ByteBuffer.wrap(input);
            while (b.remaining() >= 8) {
                int magic = b.getInt(b.position() + 4);
                if (magic == StoredMessageCodec.BLANK_MAGIC) {
                    break;
                }
                StoredMessageCodec.decode(b, true, true);
            }
        }, only(IllegalArgumentException.class, BufferUnderflowException.class)));

        byte[] batch = vector("batch_wire_body.hex");
        cases.add(new Case("batch bodies", List.of(batch), input -> MessageBatchCodec.decode(ByteBuffer.wrap(input)),
            only(IllegalArgumentException.class, BufferUnderflowException.class)));

        cases.add(new Case("properties strings", List.of(
            "KEYS\u0001k1 k2\u0002UNIQ_KEY\u0001C0A8\u0002WAIT\u0001true\u0002TAGS\u0001TagA\u0002".getBytes(
                StandardCharsets.UTF_8), "a\u0001b".getBytes(StandardCharsets.UTF_8)),
            input -> PropertiesCodec.decode(input, 0, input.length), t -> false));

        byte[] heartbeat = vector("heartbeat_producer_consumer.json");
        byte[] register = vector("register_broker_body.json");
        byte[] registerCompressed = vector("register_broker_body_compressed.hex");
        List<byte[]> json = List.of(heartbeat, register,
            "{\"mqSet\":[{\"topic\":\"T\",\"brokerName\":\"b\",\"queueId\":1}],\"consumerGroup\":\"G\",\"clientId\":\"c\"}"
                .getBytes(StandardCharsets.UTF_8),
            "{\"offsetTable\":{\"T@G\":{0:5,1:7}}}".getBytes(StandardCharsets.UTF_8),
            "{\"groupName\":\"G\",\"consumeEnable\":true,\"retryQueueNums\":1,\"brokerId\":0}".getBytes(
                StandardCharsets.UTF_8),
            "{\"counter\":3,\"timestamp\":1700000000000}".getBytes(StandardCharsets.UTF_8));
        cases.add(new Case("JSON bodies", json, input -> {
            int refused = 0;
            for (FuzzRun.Target parser : List.<FuzzRun.Target>of(HeartbeatData::decode,
                b -> RegisterBrokerBody.decode(b, false), LockBatchBody::decode, ConsumerOffsetSerializeWrapper::decode,
                SubscriptionGroupConfig::decode, SubscriptionGroupWrapper::decode, TopicConfigSerializeWrapper::decode,
                DataVersion::decode, ResetOffsetBody::decode)) {
                try {
                    parser.accept(input);
                } catch (IllegalArgumentException e) {
                    refused++;
                }
            }
            if (refused == 9) {
                throw new IllegalArgumentException("refused by every parser");
            }
        }, only(IllegalArgumentException.class)));

        cases.add(new Case("compressed register bodies", List.of(registerCompressed),
            input -> RegisterBrokerBody.decode(input, true), only(IllegalArgumentException.class)));
        return cases;
    }
}
