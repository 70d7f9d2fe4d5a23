using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data;

/// <summary>
/// Stores a <see cref="PartialDate"/> as its sortable yyyymmdd integer. The unset date
/// (<c>default</c>, key 0) converts both ways: EF asks for it as the property's sentinel, the value
/// that means "not set", converting the provider's default, 0.
/// </summary>
public sealed class PartialDateConverter() : ValueConverter<PartialDate, int>(
    date => date.ToSortKey(),
    key => key == 0 ? default : PartialDate.FromSortKey(key));
