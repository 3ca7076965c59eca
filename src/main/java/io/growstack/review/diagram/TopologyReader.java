package io.growstack.review.diagram;

/** One step of reading a {@link Topology}: it reads the stack through the view and adds to the picture. */
abstract class TopologyReader {
    final StackView view;
    final Topology topology;

    TopologyReader(StackView view, Topology topology) {
        this.view = view;
        this.topology = topology;
    }

    abstract void read();
}
