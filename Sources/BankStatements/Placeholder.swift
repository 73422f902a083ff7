public enum BankStatementsPlaceholder {}
