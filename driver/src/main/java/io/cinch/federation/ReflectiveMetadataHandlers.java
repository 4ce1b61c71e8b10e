package io.cinch.federation;

import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relational metadata answered by reflection over a provider's handlers (Calcite's proxying provider), one handler
 * per type and provider, instead of handler classes that Janino generates and compiles: a JVM's first
 * {@code tenant=*} query skips those compilations.
 */
final class ReflectiveMetadataHandlers implements MetadataHandlerProvider {
    private static final Map<RelMetadataProvider, ReflectiveMetadataHandlers> BY_PROVIDER = new ConcurrentHashMap<>();
    private final ProxyingMetadataHandlerProvider proxies;
    private final Map<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

    private ReflectiveMetadataHandlers(RelMetadataProvider provider) {
        this.proxies = new ProxyingMetadataHandlerProvider(provider);
    }

    /** The handlers of a provider; equal providers (Calcite's chains are equal by their parts) share them. */
    static ReflectiveMetadataHandlers of(RelMetadataProvider provider) {
        return BY_PROVIDER.computeIfAbsent(provider, ReflectiveMetadataHandlers::new);
    }

    @Override
    public <H extends MetadataHandler<?>> H handler(Class<H> handlerClass) {
        return handlerClass.cast(handlers.computeIfAbsent(handlerClass, c -> proxies.handler(handlerClass)));
    }
}
