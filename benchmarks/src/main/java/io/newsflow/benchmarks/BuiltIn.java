package io.newsflow.benchmarks;

/** A news article of about 3 KB written for the benchmarks, used when the BBC corpus is not present. */
final class BuiltIn {

  static final Corpus.Doc ARTICLE = new Corpus.Doc("business", "built-in", "Central bank holds rates as inflation eases",
      """
      The Bank of England has kept interest rates on hold at 4.5% for a third month, saying inflation \
      is easing faster than it expected in the spring but that wage growth remains too strong to cut.

      Governor Andrew Bailey told reporters in London that the Monetary Policy Committee had voted seven \
      to two to keep rates unchanged, with two members backing a quarter-point cut. "We need to be sure \
      that inflation stays low before we move," Mr Bailey said. "The direction of travel is clear, but \
      the pace is not."

      Consumer prices rose 2.8% in the year to August, down from 3.1% in July, according to the Office \
      for National Statistics. Economists at Barclays and HSBC had expected a figure of 2.9%. Services \
      inflation, which the Bank watches closely, fell to 4.9% from 5.2%.

      The decision comes a day after the US Federal Reserve cut its main rate by half a point, and a \
      week after the European Central Bank in Frankfurt lowered borrowing costs for the second time \
      this year. Analysts said the Bank was taking a more cautious line than its peers because the \
      British labour market remained tight, with unemployment at 4.1% and average earnings up 5.1%.

      Chancellor Rachel Reeves welcomed the fall in inflation, saying it showed the government's plan \
      to stabilise the public finances was working. The shadow chancellor, Mel Stride, said families \
      in Manchester, Birmingham and Glasgow were still paying far more for food and energy than three \
      years ago and that the government should not take credit for the Bank's work.

      Markets had largely priced in the decision. The pound rose 0.3% against the dollar to $1.32 after \
      the announcement, while the FTSE 100 index closed 0.5% higher at 8,330 points, led by gains in \
      housebuilders such as Persimmon and Barratt Developments, whose shares are sensitive to borrowing \
      costs.

      Mortgage lenders have already started to cut the rates on fixed deals in anticipation of lower \
      borrowing costs. Nationwide, the country's largest building society, said on Wednesday that it \
      would reduce rates on some two- and five-year fixed mortgages by up to 0.25 percentage points.

      The Bank said it expected inflation to rise again slightly towards the end of the year, as the \
      effect of last year's fall in energy prices drops out of the annual comparison, before settling \
      close to its 2% target in the second half of next year. Its next decision is due in November, \
      when it will also publish new forecasts for growth and unemployment.

      Some business groups urged faster action. The British Chambers of Commerce said firms were \
      holding back investment while borrowing remained expensive, and the Confederation of British \
      Industry warned that manufacturers in the Midlands and the north of England faced the weakest \
      order books since the pandemic.
      """);

  private BuiltIn() {}
}
