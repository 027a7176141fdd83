using System.Reflection;
using System.Text.RegularExpressions;

namespace Conformance.Analyzer.Tests.Readers;

/// <summary>
/// Every expression the readers use is compiled by the source generator. One it cannot compile (a back-reference under
/// IgnoreCase) silently falls back to the interpreter: detection asks each expression of every line of the sample, and
/// a small log's analysis then spent most of its time there.
/// </summary>
public class GeneratedRegexTests
{
    private static IEnumerable<TestCaseData> Expressions() =>
        from assembly in new[] { typeof(Conformance.Analyzer.Readers.LogSource).Assembly, typeof(Conformance.Protocol.Secrets.SecretPolicy).Assembly }
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
        where method.GetCustomAttribute<GeneratedRegexAttribute>() is not null && method.GetParameters().Length == 0
        select new TestCaseData(method).SetArgDisplayNames($"{type.Name}.{method.Name}");

    [TestCaseSource(nameof(Expressions))]
    public void Is_compiled_by_the_source_generator(MethodInfo method)
    {
        var regex = (Regex)method.Invoke(null, null)!;

        Assert.That(regex.GetType(), Is.Not.EqualTo(typeof(Regex)), $"{method.DeclaringType!.Name}.{method.Name} falls back to the interpreter: {regex}");
    }

    [Test]
    public void Finds_the_expressions() => Assert.That(Expressions().Count(), Is.GreaterThan(10));
}
