public enum VietQRPlaceholder {}
