package io.newsflow.app.evaluate;

import java.time.LocalDate;

/**
 * One document of a labelled clustering dataset (the ECB+ and GVC form in shared/data).
 *
 * @param created document creation date, or null when the dataset has none (ECB+)
 */
public record LabelledDocument(String docId, String clusterId, String split, String title, String text,
                               LocalDate created, String url) {}
