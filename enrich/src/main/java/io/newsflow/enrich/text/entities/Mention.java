package io.newsflow.enrich.text.entities;

/** One resolved mention; {@code start}/{@code end} are offsets in its paragraph (or the title). */
public record Mention(Zone zone, int paragraph, int start, int end, String surface, EntityKind kind, String canonical) {}
