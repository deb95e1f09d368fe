package com.leadlex.importer.cluster;

/** This node became the cluster's leader ({@code leader} true) or stopped being it. */
public record LeadershipChanged(boolean leader) {
}
