using System.Reflection;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests;

public sealed class PeeringVocabularyTests
{
    public static TheoryData<Type> StateClasses => [typeof(PeeringSteps), typeof(PeeringStatus), typeof(LifecycleStates)];

    [Theory]
    [MemberData(nameof(StateClasses))]
    public void Every_state_the_workflow_and_the_view_know_has_its_words_in_the_vocabulary(Type states)
    {
        var words = states.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(state => state != PeeringSteps.Completed); // a running view shows the outcome, never "Completed"

        Assert.All(words, state => Assert.Contains(state, PeeringVocabulary.States));
    }

    [Fact]
    public void Each_state_is_listed_once_with_its_own_title()
    {
        Assert.Equal(PeeringVocabulary.States.Count, PeeringVocabulary.States.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(PeeringVocabulary.All.Count, PeeringVocabulary.All.Select(w => w.Title).Distinct().Count());
    }

    [Fact]
    public void A_known_state_reads_the_same_in_any_letter_case_and_an_unknown_one_reads_as_it_is()
    {
        Assert.Equal("Torn down", PeeringVocabulary.Title("TORNDOWN"));
        Assert.Equal("checking both VPCs", PeeringVocabulary.Phrase("preflight"));
        Assert.Equal("Sleeping", PeeringVocabulary.Title("Sleeping"));
        Assert.Equal(PeeringVocabulary.All.Count, PeeringVocabulary.OrderOf("Sleeping"));
    }
}
