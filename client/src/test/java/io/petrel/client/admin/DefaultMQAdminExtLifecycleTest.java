package io.petrel.client.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petrel.client.ClientConfig;
import io.petrel.client.exception.MQClientException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start and shutdown of the admin client; no server is contacted. */
class DefaultMQAdminExtLifecycleTest {
    private static final String NAMESRVS = "127.0.0.1:19876;127.0.0.1:19877";

    private static DefaultMQAdminExt admin(String group) {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(group);
        admin.setNamesrvAddr(NAMESRVS);
        return admin;
    }

    @Test
    void callsNeedAStartedClientAndShutdownIsIdempotent() throws Exception {
        DefaultMQAdminExt admin = admin("lifecycle_group");
        assertThrows(IllegalStateException.class, admin::getNameServerAddressList);
        admin.start();
        try {
            assertEquals(List.of("127.0.0.1:19876", "127.0.0.1:19877"), admin.getNameServerAddressList());
            assertThrows(MQClientException.class, admin::start, "a second start");
        } finally {
            admin.shutdown();
        }
        admin.shutdown();
        assertThrows(IllegalStateException.class, () -> admin.fetchAllTopicList());
    }

    @Test
    void theDefaultInstanceNameIsReplacedByAUniqueOne() throws Exception {
        DefaultMQAdminExt first = admin("unique_group");
        DefaultMQAdminExt second = admin("unique_group");
        first.start();
        try {
            second.start();
            second.shutdown();
        } finally {
            first.shutdown();
        }
        assertNotEquals(ClientConfig.DEFAULT_INSTANCE_NAME, first.getInstanceName());
        assertNotEquals(first.getInstanceName(), second.getInstanceName());
    }

    @Test
    void aGroupRegistersOncePerClientInstance() throws Exception {
        DefaultMQAdminExt first = admin("shared_group");
        DefaultMQAdminExt second = admin("shared_group");
        first.setInstanceName("shared_instance");
        second.setInstanceName("shared_instance");
        first.start();
        try {
            MQClientException e = assertThrows(MQClientException.class, second::start);
            assertTrue(e.getMessage().contains("shared_group"), e.getMessage());
            DefaultMQAdminExt other = admin("other_group");
            other.setInstanceName("shared_instance");
            other.start();
            other.shutdown();
        } finally {
            first.shutdown();
        }
    }
}
