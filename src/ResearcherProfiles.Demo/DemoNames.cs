using System.Globalization;
using System.Text;
using Bogus;
using ResearcherProfiles.Core.Data.Configurations;

namespace ResearcherProfiles.Demo;

internal sealed record PersonName(string Given, string Family)
{
    public string Display => $"{Given} {Family}";

    /// <summary>The spellings an author list may use for this person, so the profile's own name is found in them.</summary>
    public List<string> Variants() => [$"{Given[0]}. {Family}", $"{Family}, {Given}"];
}

/// <summary>
/// Invented names drawn from several Bogus locales plus romanised East Asian names, which Bogus only
/// offers in native scripts: author lists in the field are that mixed, and slugs must cope with it.
/// </summary>
internal sealed class NameSource
{
    private static readonly string[] Locales =
        ["en", "en_IND", "en_NG", "de", "fr", "es", "it", "pt_BR", "pl", "nl", "sv", "tr", "vi", "fi", "id_ID", "ro"];

    private static readonly (string[] Given, string[] Family)[] EastAsian =
    [
        (
            ["Wei", "Jing", "Xinyi", "Haoran", "Yuxuan", "Zihan", "Mingyu", "Jiayi", "Ruoxi", "Tianyu", "Shuo", "Yiming",
             "Xiaoyu", "Chenxi", "Zhiwei", "Yue", "Lan", "Kai", "Qian", "Bowen"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
             "Guo", "He", "Lin", "Luo", "Gao", "Tang", "Song", "Xie", "Han", "Feng", "Deng", "Cao", "Peng", "Jiang", "Lyu"]
        ),
        (
            ["Minjun", "Seo-yeon", "Jiwoo", "Hyun-woo", "Ji-hoon", "Soo-ah", "Dong-hyun", "Yuna", "Jaewon", "Eunji"],
            ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
        ),
        (
            ["Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kenta", "Mei", "Takumi", "Saki", "Yuto", "Riko"],
            ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
             "Yoshida", "Yamada", "Matsumoto", "Inoue", "Kimura", "Hayashi"]
        ),
    ];

    private readonly Randomizer _random;
    private readonly Faker[] _fakers;

    public NameSource(Randomizer random)
    {
        _random = random;
        _fakers = [.. Locales.Select(locale => new Faker(locale) { Random = _random })];
    }

    public PersonName Next()
    {
        if (_random.Bool(0.35f))
        {
            var (given, family) = _random.ArrayElement(EastAsian);
            return new PersonName(_random.ArrayElement(given), _random.ArrayElement(family));
        }
        var faker = _random.ArrayElement(_fakers);
        return new PersonName(Clean(faker.Name.FirstName()), Clean(faker.Name.LastName()));
    }

    /// <summary>Some locale data carries stray spaces or apostrophe variants that look broken in author lists.</summary>
    private static string Clean(string name) => name.Trim().Replace('\u2019', '\'');

    /// <summary>Lowercase ASCII letters, digits and single hyphens, as profile URLs require.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\'')
            {
                continue;
            }
            var mapped = char.ToLowerInvariant(c) switch
            {
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'ı' => "i",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                var lower when char.IsAsciiLetterOrDigit(lower) => lower.ToString(),
                _ => "-",
            };
            if (mapped == "-" && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }
            builder.Append(mapped);
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length <= ResearcherConfiguration.SlugMaxLength - 8 ? slug : slug[..(ResearcherConfiguration.SlugMaxLength - 8)].TrimEnd('-');
    }

    /// <summary>The name's slug, numbered when an earlier profile already has it.</summary>
    public static string UniqueSlug(string name, HashSet<string> taken)
    {
        var slug = Slugify(name);
        if (slug.Length == 0)
        {
            slug = "researcher";
        }
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }
}
