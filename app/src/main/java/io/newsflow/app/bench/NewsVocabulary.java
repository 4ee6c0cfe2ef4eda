package io.newsflow.app.bench;

import java.util.List;

/**
 * Words and names the generated corpus is written with: everyday English news vocabulary, real
 * place names (so the entity recogniser and language detector see what they see in news), and
 * made-up people, companies and outlets (so no real person is quoted).
 */
public final class NewsVocabulary {
  private NewsVocabulary() {}

  static final List<String> NOUNS = words("""
      government minister ministry parliament election vote budget deficit economy inflation market
      price rate bank loan debt tax tariff trade export import deal agreement treaty talks summit
      court judge trial verdict appeal lawyer police officer investigation suspect arrest charge
      company firm shareholder profit loss revenue sales share stock investor fund merger takeover
      factory plant worker union strike wage pension job unemployment growth recession forecast
      hospital patient doctor nurse vaccine virus outbreak disease health treatment study report
      school student teacher university campus exam pupil council mayor city district village
      road bridge railway airport flight airline passenger train station port ship cargo fuel
      oil gas energy power grid electricity coal wind solar climate emission storm flood drought
      earthquake fire rescue damage victim survivor resident family child community crowd protest
      rally campaign candidate party coalition opposition leader president spokesman official
      army soldier troops ceasefire border conflict attack missile security defence weapon
      team match season league player coach goal championship final cup record fan stadium
      film album festival award concert gallery museum book author song artist show series
      software phone network internet data privacy platform device chip technology startup
      farmer harvest crop food water supply shortage demand consumer retailer store customer
      housing rent property mortgage builder land plan proposal law bill reform policy rule
      decision statement interview meeting conference review audit contract project programme
      """);

  static final List<String> VERBS_PAST = words("""
      announced approved rejected confirmed denied warned said reported revealed launched opened
      closed raised cut increased reduced doubled lowered signed agreed blocked delayed postponed
      cancelled won lost beat defeated hired fired appointed elected named accused charged
      arrested released freed rescued evacuated damaged destroyed built completed funded backed
      criticised praised defended questioned challenged ordered banned allowed suspended resumed
      expanded acquired sold bought paid owed borrowed lent invested spent saved recorded
      estimated predicted expected feared hoped planned proposed promised urged called asked
      discovered found tested treated examined studied published issued posted shared
      """);

  static final List<String> VERBS_BASE = words("""
      announce approve reject confirm deny warn report reveal launch open close raise cut increase
      reduce sign agree block delay postpone cancel win lose hire appoint elect charge release
      build complete fund back criticise defend challenge order ban allow suspend resume expand
      acquire sell buy pay borrow invest spend save estimate predict plan propose promise urge
      review publish issue meet visit support oppose replace protect improve limit require
      """);

  static final List<String> ADJECTIVES = words("""
      new old major minor large small big local national regional international foreign global
      public private senior junior former current first last final early late recent annual
      monthly weekly daily strong weak high low sharp steady rapid slow surprise key main central
      northern southern eastern western urban rural economic political financial military legal
      medical social digital industrial commercial official independent joint temporary permanent
      serious severe heavy light long short fresh further additional previous separate special
      """);

  static final List<String> ADVERBS = words("""
      sharply slightly quickly slowly largely partly strongly firmly publicly privately formally
      finally initially recently previously currently immediately eventually reportedly
      """);

  static final List<String> PREPOSITION_PHRASES = words("""
      earlier|this|week later|this|month on|Monday on|Tuesday on|Wednesday on|Thursday on|Friday
      at|the|weekend over|the|past|year in|the|coming|months after|weeks|of|talks
      despite|strong|opposition amid|growing|concern under|the|new|rules for|the|first|time
      in|a|statement at|a|news|conference in|an|interview by|the|end|of|the|year
      """);

  static final List<String> FIRST_NAMES = words("""
      Maria James Anna David Elena Thomas Sofia Michael Laura Daniel Sarah Peter Julia Robert Emma
      Martin Clara Paul Ingrid Samuel Lucia Jonas Amira Hassan Priya Rahul Chen Mei Kenji Yuki
      Olga Ivan Fatima Omar Grace Kwame Ama Diego Camila Mateo Isabel Lars Freya Nils Astrid
      """);

  /**
   * Surnames: a few dozen written out, then made-up ones composed of a stem and an ending, so that the
   * hundreds of stories running at once can each have people of their own (as real news does).
   */
  static final List<String> SURNAMES = concat(words("""
      Halvorsen Whitmore Castellano Brennan Okafor Lindqvist Moreau Petrov Nakamura Adeyemi
      Fairbanks Delacroix Holloway Varga Kowalczyk Santoro Ashworth Mendel Quintero Rasmussen
      Thornbury Albescu Gallagher Haddad Iwasaki Jorgensen Kimura Laurent Marchetti Novak
      Oyelaran Pemberton Radford Sandoval Tanaka Ulrich Valente Wexford Yilmaz Zellner
      Barros Carrington Duval Eriksen Fontaine Gurung Hartigan Ibarra
      """), composed(words("""
      Ald Ash Bar Brad Bram Carr Cal Dal Dorn Ell Fen Gar Hart Hol Kell Lang Lind Mar Mor Nor
      Pem Rad Ros Sand Stan Thorn Tal Wald Wex Whit Brock Crane Elm Fell
      """), words("""
      ford berg ton wood field man sen ley well by ham stead worth croft ridge holm quist mann
      """)));

  /** Company names: a few written out, then made-up ones composed of two parts (see {@link #SURNAMES}). */
  static final List<String> ORGANIZATION_STEMS = concat(words("""
      Kestrel Meridian Northwind Bluestone Corvane Halcyon Ironbridge Larkspur Oakmere Pinecrest
      Redfern Silverline Tidewater Westgate Ashgrove Brightwater Coldharbour Dunmore Eastfield
      Foxhollow Greystone Highmoor Juniper Kingsbury Lowther Marlowe Norcross Orchard Quarry
      """), composed(words("""
      Amber Birch Black Blue Bright Cedar Cobalt Copper Crest Dawn Ever Falcon Fern Flint Glen
      Gold Granite Harbor Heron Ivy Jade Lark Maple Nova Onyx Osprey Quill Raven Sage Slate
      """), words("""
      bridge brook field gate grove haven moor ridge stone water wick vale line point mere
      """)));

  static final List<String> ORGANIZATION_KINDS = words("""
      Holdings Group Bank Energy Airlines Motors Pharmaceuticals Telecom Logistics Insurance
      Foundation Institute Council Authority Union Partners Capital Foods Shipping Mining
      """);

  static final List<String> PLACES = words("""
      London Paris Berlin Madrid Rome Lisbon Dublin Brussels Amsterdam Vienna Warsaw Prague
      Stockholm Oslo Copenhagen Helsinki Athens Istanbul Cairo Nairobi Lagos Johannesburg
      Mumbai Delhi Beijing Shanghai Tokyo Seoul Jakarta Manila Sydney Melbourne Toronto
      Chicago Boston Seattle Denver Houston Mexico Brazil Argentina Chile Peru Canada Japan
      Germany France Spain Italy Poland Sweden Norway Kenya Nigeria India China Australia
      Manchester Birmingham Glasgow Edinburgh Cardiff Belfast Leeds Liverpool Bristol Hamburg
      Munich Frankfurt Cologne Stuttgart Lyon Marseille Toulouse Bordeaux Barcelona Valencia
      Seville Bilbao Milan Naples Turin Florence Venice Porto Rotterdam Antwerp Zurich Geneva
      Basel Krakow Gdansk Budapest Bucharest Belgrade Zagreb Ljubljana Bratislava Riga
      Vilnius Tallinn Kyiv Odesa Ankara Izmir Beirut Amman Baghdad Tehran Riyadh Doha Dubai
      Karachi Lahore Dhaka Colombo Kathmandu Chennai Kolkata Bangalore Hyderabad Bangkok Hanoi
      Singapore Taipei Osaka Busan Auckland Wellington Brisbane Perth Adelaide Vancouver
      Montreal Calgary Ottawa Atlanta Miami Dallas Phoenix Detroit Minneapolis Portland
      Philadelphia Baltimore Pittsburgh Cleveland Nashville Havana Bogota Lima Quito Santiago
      Caracas Montevideo Accra Dakar Kampala Kigali Addis|Ababa Khartoum Tunis Algiers Casablanca
      Luanda Harare Lusaka Maputo Durban Ireland Portugal Greece Turkey Egypt Ghana Ethiopia
      Pakistan Indonesia Vietnam Thailand Colombia Venezuela Ukraine Romania Hungary Austria
      """);

  static final List<String> OUTLET_TOWNS = words("""
      Harbour Northern Valley Capital Coastal Metro Riverside Highland County Lakeside Central
      Western Eastern Southern Midland Border Island Prairie Summit Bay
      """);

  static final List<String> OUTLET_KINDS = words("""
      Times Herald Post Gazette Courier Chronicle Tribune Observer Mirror Express
      """);

  private static List<String> concat(List<String> a, List<String> b) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** Every stem with every ending, stems outer: "Ald" and "ford" give "Aldford". */
  private static List<String> composed(List<String> stems, List<String> endings) {
    List<String> all = new java.util.ArrayList<>();
    for (String stem : stems) {
      for (String ending : endings) {
        all.add(stem + ending);
      }
    }
    return List.copyOf(all);
  }

  private static List<String> words(String text) {
    return List.of(splitKeepingPhrases(text));
  }

  /** Words are separated by whitespace; '|' joins the words of one phrase. */
  private static String[] splitKeepingPhrases(String text) {
    String[] parts = text.trim().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].replace('|', ' ');
    }
    return parts;
  }
}
