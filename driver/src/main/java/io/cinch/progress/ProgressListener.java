package io.cinch.progress;

/** Told of every step of long work in this JVM; called on the thread doing the work, so it must return quickly. */
@FunctionalInterface
public interface ProgressListener {

    /** {@code status} has moved: a step was done, or it started or finished. */
    void progress(Operation.Status status);
}
