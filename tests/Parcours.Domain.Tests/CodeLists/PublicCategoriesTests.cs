using Parcours.Domain.CodeLists;

namespace Parcours.Domain.Tests.CodeLists;

public class PublicCategoriesTests
{
    [Theory]
    [InlineData(true, true, PublicCategory.RSA)]
    [InlineData(true, false, PublicCategory.RSA)]
    [InlineData(false, true, PublicCategory.DELD)]
    [InlineData(false, false, PublicCategory.AUTRE)]
    public void Derive_RsaAndJobseekerDuration_FollowsPrecedence(bool rsa, bool jobseeker12Months, PublicCategory expected)
    {
        // Arrange & Act
        var category = PublicCategories.Derive(rsa, jobseeker12Months);

        // Assert
        Assert.Equal(expected, category);
    }
}
