namespace Platform.Billing.Pricing;

/// <summary>
/// Meta's pricing markets: a country that has its own rates, or a "Rest of …" region, found from the recipient's
/// calling code by longest prefix. Numbers Meta lists under no market fall into <see cref="Other"/>.
/// </summary>
public static class Markets
{
    public const string NorthAmerica = "North America";
    public const string RestOfAfrica = "Rest of Africa";
    public const string RestOfAsiaPacific = "Rest of Asia Pacific";
    public const string RestOfCentralEasternEurope = "Rest of Central & Eastern Europe";
    public const string RestOfLatinAmerica = "Rest of Latin America";
    public const string RestOfMiddleEast = "Rest of Middle East";
    public const string RestOfWesternEurope = "Rest of Western Europe";
    public const string Other = "Other";

    private static readonly Dictionary<string, string> ByPrefix = Build();
    private static readonly int LongestPrefix = ByPrefix.Keys.Max(prefix => prefix.Length);

    /// <summary>Every market name the rate card may list.</summary>
    public static IReadOnlyCollection<string> Names => NameSet;

    private static readonly HashSet<string> NameSet = new(ByPrefix.Values.Append(Other), StringComparer.OrdinalIgnoreCase);

    /// <summary>The market of a WhatsApp id or phone number in international form (digits, optional leading +).</summary>
    public static string Of(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        for (var length = Math.Min(LongestPrefix, digits.Length); length > 0; length--)
        {
            if (ByPrefix.TryGetValue(digits[..length], out var market))
            {
                return market;
            }
        }

        return Other;
    }

    /// <summary>The market's canonical spelling, or null when Meta has no such market.</summary>
    public static string? Canonical(string name) => NameSet.TryGetValue(name.Trim(), out var canonical) ? canonical : null;

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string market, params string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                table[prefix] = market;
            }
        }

        // Markets with their own rates (Meta's rate card, July 2025).
        Add("Argentina", "54");
        Add("Brazil", "55");
        Add("Chile", "56");
        Add("Colombia", "57");
        Add("Egypt", "20");
        Add("France", "33");
        Add("Germany", "49");
        Add("India", "91");
        Add("Indonesia", "62");
        Add("Israel", "972");
        Add("Italy", "39");
        Add("Malaysia", "60");
        Add("Mexico", "52");
        Add("Netherlands", "31");
        Add("Nigeria", "234");
        Add("Pakistan", "92");
        Add("Peru", "51");
        Add("Russia", "7");
        Add("Saudi Arabia", "966");
        Add("South Africa", "27");
        Add("Spain", "34");
        Add("Turkey", "90");
        Add("United Arab Emirates", "971");
        Add("United Kingdom", "44");
        Add(NorthAmerica, "1");

        // Regions: the remaining countries Meta groups together.
        Add(RestOfAfrica, "211", "212", "213", "216", "218", "220", "221", "222", "223", "224", "225", "226", "227", "228", "229",
            "230", "231", "232", "233", "235", "236", "237", "238", "239", "240", "241", "242", "243", "244", "245", "246", "247",
            "248", "249", "250", "251", "252", "253", "254", "255", "256", "257", "258", "260", "261", "262", "263", "264", "265",
            "266", "267", "268", "269", "290", "291");
        Add(RestOfAsiaPacific, "61", "63", "64", "65", "66", "81", "82", "84", "86", "93", "94", "95", "673", "675", "676", "677",
            "678", "679", "850", "852", "853", "855", "856", "880", "886", "960", "975", "976", "977", "992", "993", "996", "998",
            "76", "77");
        Add(RestOfCentralEasternEurope, "30", "36", "40", "48", "355", "359", "370", "371", "372", "373", "374", "375", "380", "381",
            "382", "383", "385", "386", "387", "389", "420", "421", "994", "995");
        Add(RestOfLatinAmerica, "58", "501", "502", "503", "504", "505", "506", "507", "509", "591", "592", "593", "595", "597",
            "598", "1787", "1809", "1829", "1849", "1876", "1868", "1246", "1242");
        Add(RestOfMiddleEast, "961", "962", "963", "964", "965", "967", "968", "970", "973", "974");
        Add(RestOfWesternEurope, "32", "41", "43", "45", "46", "47", "298", "299", "350", "351", "352", "353", "354", "356", "357",
            "358", "377", "378", "423");
        return table;
    }
}
