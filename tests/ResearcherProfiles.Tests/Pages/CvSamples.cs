using ResearcherProfiles.Core.Entities;
using ResearcherProfiles.Tests.Infrastructure;

namespace ResearcherProfiles.Tests.Pages;

/// <summary>A profile with something visible and something hidden in every CV section.</summary>
internal static class CvSamples
{
    public const string HiddenTitle = "Hidden Thing Nobody Sees";
    public const string HiddenEmail = "hidden.address@example.org";

    public static ResearcherBuilder FullProfile(string name) =>
        new ResearcherBuilder(name)
            .With(r =>
            {
                r.Headline = "Research Scientist";
                r.Email = HiddenEmail;
                r.ShowEmail = false;
                r.Phone = "+1 555 0100";
                r.ShowPhone = true;
                r.Skills = ["Python", "Rust"];
                r.Interests = ["Hydrology"];
            })
            .WithLink(ProfileLinkKind.GitHub, "https://github.com/example-cv")
            .WithPublication("Older Paper on Lakes", p => p.Author("First Coauthor").Owner().With(x => { x.Year = 2019; x.VenueName = "Journal of Lakes"; }))
            .WithPublication("Newest Paper on Streams", p => p.Owner().Author("Second Coauthor").With(x => { x.Year = 2024; x.Month = 5; }))
            .WithPublication(HiddenTitle, p => p.Owner().With(x => x.Year = 2025), visible: false)
            .WithProject(new Project { Title = "River Modelling", Summary = "Models of rivers.", NarrativeMarkdown = "- Built the **solver**\n- Ran the field study" })
            .WithProject(new Project { Title = HiddenTitle, IsVisible = false })
            .WithEducation(new Education { Degree = "PhD", Field = "Hydrology", Institution = "Lake University" })
            .WithEducation(new Education { Degree = HiddenTitle, Institution = "Nowhere", IsVisible = false })
            .WithPosition(new Position { Title = "Research Scientist", Employer = "Water Lab", DescriptionMarkdown = "Leads the *flood* group." })
            .WithPosition(new Position { Title = HiddenTitle, Employer = "Nowhere", IsVisible = false })
            .WithAward(new Award { Title = "Best Paper Award", Issuer = "Lake Conference", Year = 2023 })
            .WithAward(new Award { Title = HiddenTitle, IsVisible = false })
            .WithService("Reviewer", "NeurIPS", 2021, 2022)
            .WithService("Reviewer", "ICML", 2023)
            .WithService(HiddenTitle, "Nowhere", false, 2020)
            .WithTalk(new Talk { Title = "Rivers at Scale", Host = "Delta Institute", Url = "https://example.org/talk" })
            .WithTalk(new Talk { Title = HiddenTitle, IsVisible = false });
}
