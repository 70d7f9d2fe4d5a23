using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResearcherProfiles.Tests.Infrastructure;
using ResearcherProfiles.Web.Startup;

namespace ResearcherProfiles.Tests.Startup;

/// <summary>The C heap's arenas bounded and its freed pages given back (glibc, as on every Linux the app is built for).</summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void A_trim_gives_back_the_pages_freed_below_a_block_still_in_use()
    {
        NativeHeap.LimitArenas();
        Assert.True(NativeHeap.Limited, "mallopt should be found in glibc");

        // 64 MiB in blocks below glibc's mmap threshold, so they come from an arena, written so that
        // they are resident; all but the last freed, so the free space sits below a block in use,
        // where glibc keeps it until a trim.
        const int blockBytes = 32 * 1024;
        var blocks = new nint[2048];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(blockBytes);
            for (var offset = 0; offset < blockBytes; offset += 4096)
            {
                Marshal.WriteByte(blocks[i], offset, 1);
            }
        }
        for (var i = 0; i < blocks.Length - 1; i++)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }
        try
        {
            var before = AnonymousResidentKibibytes();
            Assert.True(NativeHeap.Trim());
            var after = AnonymousResidentKibibytes();

            Assert.True(before - after >= 32 * 1024, $"resident anonymous memory went from {before} to {after} KiB");
        }
        finally
        {
            Marshal.FreeHGlobal(blocks[^1]);
        }
    }

    [Fact]
    public async Task The_app_trims_the_heap_in_the_background()
    {
        await using var factory = new ProfilesAppFactory();

        Assert.Contains(factory.Services.GetServices<IHostedService>(), service => service.GetType().DeclaringType == typeof(NativeHeap));
        Assert.True(NativeHeap.Limited, "the app's start should have bounded the arenas");
    }

    private static long AnonymousResidentKibibytes()
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line["RssAnon:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
