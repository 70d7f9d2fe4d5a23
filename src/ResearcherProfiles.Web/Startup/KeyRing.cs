using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResearcherProfiles.Core.Data;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// The data-protection key ring lives in the database, so that a sign-in cookie or antiforgery
/// token made by one app instance is read by every other. A site whose keys were kept in the data
/// folder (data/keys) has them copied into the database once, so nobody is signed out by the move.
/// </summary>
public static class KeyRing
{
    /// <summary>Copies the key files of data/keys into an empty key table; returns how many were copied.</summary>
    public static async Task<int> ImportFolderKeysAsync(AppDbContext db, string dataDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var folder = new DirectoryInfo(Path.Combine(dataDirectory, "keys"));
        if (!folder.Exists || await db.DataProtectionKeys.AnyAsync(ct))
        {
            return 0;
        }
        var keys = new List<DataProtectionKey>();
        foreach (var file in folder.EnumerateFiles("key-*.xml"))
        {
            try
            {
                var xml = XElement.Load(file.FullName);
                keys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file.Name), Xml = xml.ToString(SaveOptions.DisableFormatting) });
            }
            catch (System.Xml.XmlException)
            {
                // A damaged file was unreadable for the file store too: it is not a key anyone can use.
            }
        }
        db.DataProtectionKeys.AddRange(keys);
        await db.SaveChangesAsync(ct);
        return keys.Count;
    }
}
