using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using ResearcherProfiles.Core.Data;
using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Web.Editing;

namespace ResearcherProfiles.Web.Pages.Edit;

public class ServiceModel(AppDbContext db, ProfileAccess access, IOutputCacheStore publicPages)
    : SectionEditorPageModel<ServiceRole, ServiceModel.ServiceInput>(db, access, publicPages)
{
    public const string YearsMessage = "Years must be a comma-separated list of years between 1900 and 2100, e.g. 2021, 2022.";

    public override string SectionPath => "service";
    public override string SectionTitle => "Service";
    public override string ItemName => "service role";
    public override string ItemNameWithArticle => "a service role";

    public sealed class ServiceInput : SectionInput
    {
        [Display(Name = "Role")]
        [Required(ErrorMessage = "Enter the role.")]
        [StringLength(100, ErrorMessage = "The role is at most {1} characters.")]
        public string? Role { get; set; }

        [Display(Name = "Venue")]
        [Required(ErrorMessage = "Enter the venue.")]
        [StringLength(200, ErrorMessage = "The venue is at most {1} characters.")]
        public string? Venue { get; set; }

        [Display(Name = "Years")]
        [StringLength(500, ErrorMessage = "The years are at most {1} characters.")]
        public string? Years { get; set; }
    }

    protected override ServiceRole NewItem() => new() { Role = string.Empty, Venue = string.Empty };

    protected override ServiceInput ToInput(ServiceRole item) =>
        new() { Role = item.Role, Venue = item.Venue, Years = string.Join(", ", item.Years) };

    protected override void Validate(ServiceInput input)
    {
        if (ParseYears(input.Years) is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ServiceInput.Years)}", YearsMessage);
        }
    }

    protected override void Apply(ServiceInput input, ServiceRole item)
    {
        item.Role = input.Role!.Trim();
        item.Venue = input.Venue!.Trim();
        item.Years = ParseYears(input.Years)!;
    }

    protected override SectionRow ToRow(ServiceRole item) =>
        new(item.Id, $"{item.Role}: {item.Venue}", item.Years.Count == 0 ? null : string.Join(", ", item.Years), item.IsVisible);

    /// <returns>The years in order without repeats, or null when an entry is not a year in range.</returns>
    private static List<int>? ParseYears(string? text)
    {
        var years = new List<int>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length != 4 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year < PartialDate.MinYear || year > PartialDate.MaxYear)
            {
                return null;
            }
            years.Add(year);
        }
        return years.Distinct().Order().ToList();
    }
}
