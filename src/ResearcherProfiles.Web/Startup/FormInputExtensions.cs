using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Primitives;
using ResearcherProfiles.Core.Text;

namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// How every form's values reach the pages: without control characters (see
/// <see cref="ControlCharacters"/>) and with a field message, never an exception, for a value
/// that does not convert to its field's type.
/// </summary>
public static class FormInputExtensions
{
    public static WebApplicationBuilder AddFormInput(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MvcOptions>(options =>
        {
            // Keys in jQuery's style (a[b][c]) are no form's of this site, and one with a bracket
            // left open ("a[") made the form provider throw before any page could answer.
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            for (var i = 0; i < options.ValueProviderFactories.Count; i++)
            {
                if (options.ValueProviderFactories[i] is FormValueProviderFactory or QueryStringValueProviderFactory)
                {
                    options.ValueProviderFactories[i] = new CleanTextValueProviderFactory(options.ValueProviderFactories[i]);
                }
            }
            options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
            options.Filters.Add<UnreadableFormFilter>();
            options.Filters.Add<UnknownHandlerFilter>();
            BindingMessages.Apply(options.ModelBindingMessageProvider);
            options.ModelMetadataDetailsProviders.Add(new BindingMessages());
        });
        builder.Services.AddTransient<IStartupFilter, NulEscapeStartupFilter>();
        builder.Services.AddTransient<IStartupFilter, MarkdownLoggingStartupFilter>();
        return builder;
    }

    /// <summary>Gives <see cref="MarkdownRenderer"/> the app's logging, so a text that cannot be rendered is reported.</summary>
    private sealed class MarkdownLoggingStartupFilter(ILoggerFactory loggers) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            MarkdownRenderer.Logger = loggers.CreateLogger(typeof(MarkdownRenderer));
            return next;
        }
    }

    /// <summary>Puts <see cref="NulEscapeDroppingStream"/> under every url-encoded form body, before anything reads it.</summary>
    private sealed class NulEscapeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
                {
                    context.Request.Body = new NulEscapeDroppingStream(context.Request.Body);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Wraps the value providers of <paramref name="inner"/> (form fields, query string) in <see cref="CleanTextValueProvider"/>.</summary>
    private sealed class CleanTextValueProviderFactory(IValueProviderFactory inner) : IValueProviderFactory
    {
        public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var before = context.ValueProviders.Count;
            await inner.CreateValueProviderAsync(context);
            for (var i = before; i < context.ValueProviders.Count; i++)
            {
                context.ValueProviders[i] = new CleanTextValueProvider(context.ValueProviders[i]);
            }
        }
    }

    /// <summary>
    /// Every value as <see cref="ControlCharacters.StripToVisible"/> leaves it, so that model binding, the
    /// values shown again on an invalid form and everything saved are the same clean text, and a
    /// required field filled with nothing but invisible characters is as empty as it looks.
    /// </summary>
    private sealed class CleanTextValueProvider(IValueProvider inner) : IEnumerableValueProvider, IBindingSourceValueProvider, IKeyRewriterValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None)
            {
                return result;
            }
            var values = result.Values;
            string?[]? cleaned = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } value && ControlCharacters.StripToVisible(value) is var clean && !ReferenceEquals(clean, value))
                {
                    cleaned ??= values.ToArray();
                    cleaned[i] = clean;
                }
            }
            return cleaned is null ? result : new ValueProviderResult(new StringValues(cleaned), result.Culture);
        }

        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            inner is IEnumerableValueProvider enumerable ? enumerable.GetKeysFromPrefix(prefix) : new Dictionary<string, string>();

        // Both filters keep the wrapped provider's answer (excluded, or a narrower provider), cleaned.
        public IValueProvider? Filter(BindingSource bindingSource) =>
            inner is IBindingSourceValueProvider sourced && sourced.Filter(bindingSource) is { } filtered
                ? new CleanTextValueProvider(filtered)
                : null;

        public IValueProvider? Filter() =>
            inner is IKeyRewriterValueProvider rewriter
                ? rewriter.Filter() is { } filtered ? new CleanTextValueProvider(filtered) : null
                : this;
    }

    /// <summary>Binds bool fields as usual; see <see cref="CheckboxBinder"/> for the one difference.</summary>
    private sealed class CheckboxBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool)
                ? new CheckboxBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }

    /// <summary>
    /// A posted "maybe" for a checkbox keeps its field message, but not as the value to show again:
    /// the checkbox tag helper converts that value to bool while rendering, and "maybe" would throw.
    /// </summary>
    private sealed class CheckboxBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            var state = bindingContext.ModelState;
            if (!bindingContext.Result.IsModelSet
                && state.TryGetValue(bindingContext.ModelName, out var entry)
                && entry.Errors.Count > 0)
            {
                state.SetModelValue(bindingContext.ModelName, rawValue: null, entry.AttemptedValue);
            }
        }
    }

    /// <summary>
    /// The messages for a value that does not convert to its field's type, written for people and
    /// naming the field: a number field and a choice field each say what they take. The framework's
    /// own texts ("The value 'x' is not valid for Year.") never reach a page.
    /// </summary>
    internal sealed class BindingMessages : IBindingMetadataProvider
    {
        public static void Apply(DefaultModelBindingMessageProvider messages)
        {
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field} cannot be “{value}”; check what you typed.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}” cannot be used here; check what you typed.");
            messages.SetUnknownValueIsInvalidAccessor(field => $"{field} is not filled in correctly; check what you typed.");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "A value is not filled in correctly; check what you typed.");
            messages.SetValueIsInvalidAccessor(value => $"“{value}” cannot be used here; check what you typed.");
            messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
            messages.SetMissingBindRequiredValueAccessor(field => $"Enter {field}.");
            messages.SetMissingKeyOrValueAccessor(() => "Enter a value.");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form arrived empty; please send it again.");
            messages.SetValueMustNotBeNullAccessor(value => "Enter a value.");
        }

        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
            if (context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider shared)
            {
                return;
            }
            if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            {
                var messages = new DefaultModelBindingMessageProvider(shared);
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field} must be a whole number; “{value}” is not one.");
                context.BindingMetadata.ModelBindingMessageProvider = messages;
            }
            else if (type == typeof(bool))
            {
                var messages = new DefaultModelBindingMessageProvider(shared);
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{field}” is a tick box: tick it or leave it clear.");
                context.BindingMetadata.ModelBindingMessageProvider = messages;
            }
            else if (type.IsEnum)
            {
                var messages = new DefaultModelBindingMessageProvider(shared);
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Choose {field} from the list; “{value}” is not one of its choices.");
                context.BindingMetadata.ModelBindingMessageProvider = messages;
            }
        }
    }
}
