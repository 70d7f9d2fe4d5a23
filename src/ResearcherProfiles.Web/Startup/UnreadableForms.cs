using System.Globalization;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ResearcherProfiles.Web.Startup;

/// <summary>What the "form could not be read" page says.</summary>
public sealed record UnreadableForm(string Message);

/// <summary>
/// A posted form the server refused to read (more fields than the form limits, a body over the
/// size limit, a multipart body cut short) fails antiforgery validation first, since the token is in that form, and the
/// framework answers with an empty 400. This filter finds the reason in the form-reading task
/// (which the request caches, failure included) and shows a page that says what was wrong.
/// </summary>
public sealed class UnreadableFormFilter(IModelMetadataProvider metadata) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult && context.HttpContext.Request.HasFormContentType)
        {
            try
            {
                await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (Describe(e) is var (status, message))
            {
                context.HttpContext.RequestServices.GetRequiredService<ILogger<UnreadableFormFilter>>()
                    .LogWarning(e, "A form posted to {Path} could not be read.", context.HttpContext.Request.Path);
                context.Result = new ViewResult
                {
                    ViewName = "FormNotRead",
                    StatusCode = status,
                    ViewData = new ViewDataDictionary<UnreadableForm>(metadata, new ModelStateDictionary()) { Model = new UnreadableForm(message) },
                };
            }
        }
        await next();
    }

    private static (int Status, string Message)? Describe(Exception e)
    {
        const string nothingSaved = "Nothing was saved. Go back to the form: your browser still has what you typed.";
        return e switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, $"The form was larger than the server accepts for this page. {nothingSaved}"),
            InvalidDataException { Message: var m } when m.Contains("Multipart body length limit", StringComparison.Ordinal) =>
                (413, $"The upload was larger than the server accepts for this page{LimitOf(m)}. {nothingSaved}"),
            InvalidDataException { Message: var m } when m.Contains("count limit", StringComparison.Ordinal) =>
                (400, $"The form had more fields than the server reads at once{LimitOf(m)}. {nothingSaved}"),
            InvalidDataException { Message: var m } when m.Contains("length limit", StringComparison.Ordinal) =>
                (400, $"A field of the form was longer than the server reads{LimitOf(m)}. {nothingSaved}"),
            InvalidDataException or BadHttpRequestException =>
                (400, $"The form could not be read. {nothingSaved}"),
            // A multipart body cut short or not matching its own boundary: the reader runs out of it.
            IOException =>
                (400, $"The form arrived incomplete and could not be read. {nothingSaved}"),
            _ => null,
        };
    }

    /// <summary>" (at most 1,024)" from the framework's "... limit 1024 exceeded." message.</summary>
    private static string LimitOf(string message)
    {
        var number = message.Split(' ').FirstOrDefault(w => long.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (number is null)
        {
            return string.Empty;
        }
        var limit = long.Parse(number, CultureInfo.InvariantCulture);
        return limit >= 1024 * 1024 && message.Contains("body", StringComparison.Ordinal)
            ? $" (at most {limit / (1024.0 * 1024):0.#} MB)"
            : $" (at most {limit.ToString("N0", CultureInfo.InvariantCulture)})";
    }
}

/// <summary>
/// Drops percent-encoded NUL bytes ("%00") from a url-encoded form body as it is read: the
/// framework's form decoder refuses the whole form for one of them, and every other control
/// character is dropped later by the one text rule (<see cref="FormInputExtensions"/>). In a
/// well-formed body every "%" starts an escape, so "%00" can only ever be that escape.
/// </summary>
public sealed class NulEscapeDroppingStream(Stream inner) : Stream
{
    private readonly byte[] _read = new byte[16 * 1024];
    private readonly byte[] _out = new byte[16 * 1024 + 2];
    private int _outStart;
    private int _outEnd;
    private int _held;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_outStart == _outEnd && !_ended)
        {
            Transform(inner.Read(_read, 0, _read.Length));
        }
        return Copy(buffer.AsSpan(offset, count));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_outStart == _outEnd && !_ended)
        {
            Transform(await inner.ReadAsync(_read, cancellationToken));
        }
        return Copy(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Copy(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, n).CopyTo(buffer);
        _outStart += n;
        return n;
    }

    /// <summary>Copies what was read to the output without "%00"; a "%" or "%0" at the end waits for the next read.</summary>
    private void Transform(int read)
    {
        _outStart = _outEnd = 0;
        if (read == 0)
        {
            _ended = true;
            EmitHeld();
            return;
        }
        foreach (var b in _read.AsSpan(0, read))
        {
            if (b == (byte)'0' && _held > 0)
            {
                _held = _held == 1 ? 2 : 0;
                continue;
            }
            EmitHeld();
            if (b == (byte)'%')
            {
                _held = 1;
            }
            else
            {
                _out[_outEnd++] = b;
            }
        }
    }

    private void EmitHeld()
    {
        if (_held >= 1)
        {
            _out[_outEnd++] = (byte)'%';
        }
        if (_held == 2)
        {
            _out[_outEnd++] = (byte)'0';
        }
        _held = 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
