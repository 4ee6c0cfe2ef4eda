package io.newsflow.enrich.text;

/** Hand-written test articles (fiction in the style of wire copy; not taken from any outlet). */
public final class Articles {

  private Articles() {}

  public static final String SUMMIT_TITLE = "Putin warns NATO over new deployments in eastern Europe";

  /** A foreign-affairs story, about 2.5 KB. */
  public static final String SUMMIT = String.join("\n",
      "Russian President Vladimir Putin on Tuesday warned NATO against deploying new missile systems in eastern "
          + "Europe, saying Moscow would respond with measures of its own if the alliance moved ahead with the plan.",
      "Speaking at a meeting of his security council in the Kremlin, Putin said the deployments announced last "
          + "month threatened the balance of forces on the continent and ignored proposals Russia had sent to "
          + "Washington and Brussels in the spring.",
      "The U.S. State Department said the systems were purely defensive and that the decision had been taken "
          + "jointly by all members of the alliance after months of consultations.",
      "NATO Secretary-General Mark Rutte told reporters in Brussels that the alliance did not seek confrontation "
          + "but would not allow any member to be intimidated. He said defence ministers would review the "
          + "timetable at their next meeting in June.",
      "German Chancellor Olaf Scholz, on a visit to Warsaw, called for calm and said talks between the United "
          + "States and Russia on arms control should resume as soon as possible. Poland has pushed hard for a "
          + "larger allied presence on its territory since the start of the war in Ukraine.",
      "Analysts in London said the exchange followed a familiar pattern, with both sides raising the stakes "
          + "before a round of negotiations. Putin has used similar warnings before talks in the past, they noted, "
          + "and markets showed little reaction, with the rouble and European stocks broadly steady.",
      "The Kremlin gave no details of the measures it was considering. A spokesman said only that the response "
          + "would be proportionate and would be decided by the president after consultations with the military.");

  /** The same story with light edits: a few words changed, one clause dropped, one sentence added. */
  static final String SUMMIT_EDITED = String.join("\n",
      "Russian President Vladimir Putin on Tuesday warned NATO against deploying new missile systems in eastern "
          + "Europe, saying Moscow would respond with measures of its own if the alliance went ahead with the plan.",
      "Speaking at a meeting of his security council in the Kremlin, Putin said the deployments announced last "
          + "month threatened the balance of forces on the continent and ignored proposals Russia had sent to "
          + "Washington and Brussels in the spring.",
      "The U.S. State Department said the systems were purely defensive and that the decision had been taken "
          + "jointly by all members of the alliance after months of talks.",
      "NATO Secretary-General Mark Rutte told reporters in Brussels that the alliance did not seek confrontation "
          + "but would not allow any member to be intimidated. He said defence ministers would review the "
          + "timetable at their next meeting in June.",
      "German Chancellor Olaf Scholz, on a visit to Warsaw, called for calm and said talks between the United "
          + "States and Russia on arms control should resume as soon as possible.",
      "Analysts in London said the exchange followed a familiar pattern, with both sides raising the stakes "
          + "before a round of negotiations. Putin has used similar warnings before talks in the past, they noted, "
          + "and markets showed little reaction, with the rouble and European shares broadly steady.",
      "The Kremlin gave no details of the measures it was considering. A spokesman said only that the response "
          + "would be proportionate and would be decided by the president after consultations with the military.",
      "The alliance is due to hold its annual summit in July.");

  static final String RATES_TITLE = "Bank of England holds rates as inflation eases";

  /** An unrelated economics story. */
  static final String RATES = String.join("\n",
      "The Bank of England kept its main interest rate unchanged on Thursday, as policymakers waited for more "
          + "evidence that price growth was slowing before cutting borrowing costs for households and businesses.",
      "The central bank's Monetary Policy Committee voted six to three to hold the rate, with three members "
          + "preferring an immediate reduction of a quarter point. Governor Andrew Bailey said the committee "
          + "needed to be confident that inflation would stay close to its target.",
      "Consumer prices rose at an annual pace of 2.8 percent last month, down from a peak of more than eleven "
          + "percent two years ago, according to figures from the Office for National Statistics.",
      "Economists had expected the decision, though several said the split vote pointed to a first cut in the "
          + "autumn. Sterling slipped against the dollar after the announcement and government bond yields fell.",
      "Mortgage lenders have already begun trimming the cost of fixed-rate deals in anticipation of lower "
          + "rates, and house prices have recovered some of last year's losses.",
      "Finance minister Rachel Reeves welcomed the fall in inflation but said wages and productivity needed to "
          + "grow faster for living standards to improve. Business groups urged the bank to act sooner, warning "
          + "that high borrowing costs were holding back investment in factories and equipment.");
}
