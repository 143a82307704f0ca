using Platform.Billing.Pricing;

namespace Platform.Billing.Plans;

/// <summary>
/// Reads the rate card the operator uploads: a header <c>market,currency,marketing,utility,authentication,service</c>
/// (category columns in any order, any subset) and one line per market. Markets are Meta's names; quoted fields allowed.
/// </summary>
public static class RateCardCsv
{
    public const int MaxLines = 1_000;

    public static (IReadOnlyList<MarketRate> Rates, IReadOnlyList<string> Errors) Parse(string csv)
    {
        var errors = new List<string>();
        var lines = csv.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return ([], ["The rate card is empty: a header line and one line per market are expected."]);
        }

        if (lines.Count > MaxLines + 1)
        {
            return ([], [$"The rate card has more than {MaxLines} lines."]);
        }

        var header = Fields(lines[0]).Select(field => field.Trim().ToLowerInvariant()).ToList();
        var market = header.IndexOf("market");
        var currency = header.IndexOf("currency");
        var categories = MessageCategories.All.Select(category => (category, index: header.IndexOf(category))).Where(c => c.index >= 0).ToList();
        if (market < 0 || currency < 0 || categories.Count == 0)
        {
            return ([], ["The header must name market, currency and at least one of marketing, utility, authentication, service."]);
        }

        var rates = new Dictionary<(string, string), MarketRate>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = Fields(lines[i]);
            if (fields.Count != header.Count)
            {
                errors.Add($"Line {i + 1}: {fields.Count} fields where the header has {header.Count}.");
                continue;
            }

            var name = Markets.Canonical(fields[market]);
            var code = Money.Currency(fields[currency]);
            if (name is null || code is null)
            {
                errors.Add(name is null
                    ? $"Line {i + 1}: '{fields[market]}' is not one of Meta's markets."
                    : $"Line {i + 1}: '{fields[currency]}' is not a three-letter currency code.");
                continue;
            }

            var prices = new Dictionary<string, decimal>();
            foreach (var (category, index) in categories)
            {
                if (fields[index].Trim().Length == 0)
                {
                    continue;
                }

                if (Money.Parse(fields[index]) is { } price)
                {
                    prices[category] = price;
                }
                else
                {
                    errors.Add($"Line {i + 1}: {category} price '{fields[index]}' is not an amount with at most {Money.Scale} decimal places.");
                }
            }

            if (!rates.TryAdd((name, code), new MarketRate(name, code, prices)))
            {
                errors.Add($"Line {i + 1}: {name} in {code} is listed twice.");
            }
        }

        return (errors.Count == 0 ? rates.Values.ToList() : [], errors);
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
