using OrderPipeline.Stack;
using OrderPipeline.Stack.Install;

namespace OrderPipeline.Stack.Tests.Unit;

public sealed class PrerequisiteTests : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("op-stack-path-").FullName;

    public void Dispose() => Directory.Delete(_empty, recursive: true);

    [Fact]
    public void Should_SayHowToInstallJava_When_JavaIsMissing()
    {
        var ex = Assert.Throws<StackException>(() => Prerequisites.Java(javaHome: null, path: _empty));

        Assert.Equal(StackErrorKind.Prerequisite, ex.Kind);
        Assert.Contains("apt-get install openjdk-17-jre-headless", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayHowToInstallNpm_When_NpmIsMissing()
    {
        var ex = Assert.Throws<StackException>(() => Prerequisites.Npm(path: _empty));

        Assert.Contains("apt-get install npm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PreferJavaHome_When_ItHasJava()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_empty, "jdk", "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "java"), "");

        Assert.Equal(Path.Combine(bin, "java"), Prerequisites.Java(Path.Combine(_empty, "jdk"), path: "/usr/bin"));
    }
}
