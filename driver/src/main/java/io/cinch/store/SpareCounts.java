package io.cinch.store;

/**
 * What this process's spare tenant files did so far: spares made ready, first writes that claimed one, and first writes
 * that found none ready and made their tenant's file themselves.
 */
public record SpareCounts(long made, long claimed, long missed) {
}
