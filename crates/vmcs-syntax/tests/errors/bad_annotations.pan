@v2{ k = 1 }
@{ k = }
@x{ key9 = 1 }
object template t;
@ unclosed (
