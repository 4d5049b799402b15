package org.fluxmp.rules.facts;

/** The broker rank the decision is for. */
public record BrokerRank(int rank) {}
