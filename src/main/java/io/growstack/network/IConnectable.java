package io.growstack.network;

/** Something with a security group that other blocks may open ports to or from. */
public interface IConnectable {
    /** The security-group wiring of this block. */
    Connections connections();
}
