using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A form sent to a page that has no handler for it would otherwise render the page with none of
/// its data loaded (a 500). A page whose handlers for the method all have names, posted to without
/// one or with a name it does not know, answers 400; a page with no handler for the method at all
/// answers 405. The status and error pages, which the framework runs again for a failed POST,
/// render as they are. Runs after the page model's own checks, so a page that refuses the user
/// still says so first.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)
            && http.Features.Get<IStatusCodeReExecuteFeature>() is null && http.Features.Get<IExceptionHandlerFeature>() is null)
        {
            if (context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                context.Result = new BadRequestResult();
            }
            else
            {
                http.Response.Headers.Allow = "GET, HEAD";
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            }
            return;
        }
        await next();
    }
}
