namespace ResearcherProfiles.Web.Startup;

/// <summary>
/// A reason the app cannot start that an operator can act on (a data folder it cannot write, a
/// database another process is migrating). Its message is complete on its own: start-up prints
/// it instead of a stack trace and exits with status 1.
/// </summary>
public sealed class StartupFailureException : Exception
{
    public StartupFailureException(string message)
        : base(message)
    {
    }

    public StartupFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupFailureException()
    {
    }
}
