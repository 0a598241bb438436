package io.petrel.client.impl;

/** An admin client registered with a {@link MQClientInstance}: while one is, the instance keeps running. */
public interface MQAdminExtInner {
}
