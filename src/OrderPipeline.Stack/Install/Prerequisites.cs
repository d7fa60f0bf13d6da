namespace OrderPipeline.Stack.Install;

/// Finds java and npm, and says how to install them when they are missing.
public static class Prerequisites
{
    public static string Java()
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrWhiteSpace(javaHome))
        {
            var candidate = Path.Combine(javaHome, "bin", "java");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return OnPath("java") ?? throw new StackException(StackErrorKind.Prerequisite,
            "Java 17 is required to run Kafka and Cassandra but 'java' is not on PATH. "
            + "Install it with: sudo apt-get install openjdk-17-jre-headless");
    }

    public static string Npm() => OnPath("npm") ?? throw new StackException(StackErrorKind.Prerequisite,
        "npm is required once to download the Kafka and Cassandra distributions but 'npm' is not on PATH. "
        + "Install it with: sudo apt-get install npm");

    public static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
