using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearcherProfiles.Core.Entities;

namespace ResearcherProfiles.Core.Data;

/// <summary>Stores a <see cref="PartialDate"/> as its sortable yyyymmdd integer.</summary>
public sealed class PartialDateConverter() : ValueConverter<PartialDate, int>(
    date => date.ToSortKey(),
    key => PartialDate.FromSortKey(key));
