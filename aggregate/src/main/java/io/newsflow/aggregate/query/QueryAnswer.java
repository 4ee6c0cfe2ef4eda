package io.newsflow.aggregate.query;

/** An HTTP answer of the query API: status and JSON body, the same whether computed here or forwarded. */
public record QueryAnswer(int status, String json) {}
