//! Java's number formatting: `Double.toString` and `Long.toString` exactly as JDK 17 writes them.
//!
//! JDK 17 still formats doubles with the classic `FloatingDecimal.dtoa` algorithm (JDK 19
//! replaced it), which is *not* shortest-round-trip: `1.0E23` prints `9.999999999999999E22`
//! and `2^62` prints `4.6116860184273879E18`. This module re-implements that algorithm step
//! by step: the fast path for integral values that fit a `long`, the estimate of the decimal
//! exponent, the digit generation in `int`, `long` (with Java's wrapping arithmetic, overflow
//! checks included) or big-integer arithmetic, and the final rounding of the last digit.
//! Tested against about 600,000 values printed by a real JDK 17 (`tests/data/output/`).

use std::cmp::Ordering;

const EXP_SHIFT: i32 = 52;
const FRACT_HOB: u64 = 1 << EXP_SHIFT;
const SIGNIF_MASK: u64 = FRACT_HOB - 1;
const EXP_MASK: u64 = 0x7FF << EXP_SHIFT;
const SIGN_MASK: u64 = 1 << 63;
const EXP_BIAS: i32 = 1023;
const EXP_ONE: u64 = (EXP_BIAS as u64) << EXP_SHIFT;
const MAX_SMALL_BIN_EXP: i32 = 62;
const MIN_SMALL_BIN_EXP: i32 = -(63 / 3);

/// `floor(log10(2^i))` as `FloatingDecimal` tabulates it (its last entry is off by one, unused).
const INSIGNIFICANT_DIGITS_FOR_POW2: [i32; 64] = [
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9,
    9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16,
    16, 17, 17, 17, 18, 18, 18, 19,
];

/// Approximately `ceil(log2(5^i))`.
const N_5_BITS: [i32; 27] = [
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
    59, 61,
];

const fn pow5_table<const N: usize>() -> [i64; N] {
    let mut t = [1i64; N];
    let mut i = 1;
    while i < N {
        t[i] = t[i - 1] * 5;
        i += 1;
    }
    t
}
const LONG_5_POW: [i64; 27] = pow5_table::<27>();

/// The decimal digits of a finite non-zero double and its exponent: the value is
/// `0.d1d2d3... * 10^dec_exponent`.
struct Digits {
    digits: [u8; 24],
    n: usize,
    dec_exponent: i32,
}

impl Digits {
    fn new() -> Digits {
        Digits {
            digits: [0; 24],
            n: 0,
            dec_exponent: 0,
        }
    }

    fn push(&mut self, q: i64) {
        self.digits[self.n] = b'0' + q as u8;
        self.n += 1;
    }

    /// `FloatingDecimal.developLongDigits`: digits of a long, minus `insignificant` low digits
    /// (rounded half up), trailing zeros dropped.
    fn develop_long(&mut self, mut dec_exponent: i32, mut lvalue: i64, insignificant: i32) {
        if insignificant != 0 {
            let pow10 = LONG_5_POW[insignificant as usize] << insignificant;
            let residue = lvalue % pow10;
            lvalue /= pow10;
            dec_exponent += insignificant;
            if residue >= (pow10 >> 1) {
                lvalue += 1;
            }
        }
        let mut buf = [0u8; 20];
        let mut len = 0;
        while lvalue != 0 {
            buf[len] = b'0' + (lvalue % 10) as u8;
            lvalue /= 10;
            len += 1;
        }
        let zeros = buf[..len].iter().take_while(|&&c| c == b'0').count();
        self.n = 0;
        for &c in buf[zeros..len].iter().rev() {
            self.digits[self.n] = c;
            self.n += 1;
        }
        self.dec_exponent = dec_exponent + len as i32;
    }

    /// Add one to the last digit, carrying; all nines become `1` followed by zeros.
    fn roundup(&mut self) {
        let mut i = self.n - 1;
        let mut q = self.digits[i];
        if q == b'9' {
            while q == b'9' && i > 0 {
                self.digits[i] = b'0';
                i -= 1;
                q = self.digits[i];
            }
            if q == b'9' {
                self.dec_exponent += 1;
                self.digits[0] = b'1';
                return;
            }
        }
        self.digits[i] = q + 1;
    }

    /// `FloatingDecimal.BinaryToASCIIBuffer.dtoa` for a normalized `fract_bits` (bit 52 set).
    fn dtoa(&mut self, bin_exp: i32, mut fract_bits: u64, n_significant_bits: i32) {
        let tail_zeros = fract_bits.trailing_zeros() as i32;
        let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
        let n_tiny_bits = (n_fract_bits - bin_exp - 1).max(0);
        if (MIN_SMALL_BIN_EXP..=MAX_SMALL_BIN_EXP).contains(&bin_exp)
            && n_tiny_bits < LONG_5_POW.len() as i32
            && n_fract_bits + N_5_BITS[n_tiny_bits as usize] < 64
            && n_tiny_bits == 0
        {
            // An integer that fits in a long: print its digits, dropping those below the ulp.
            let insignificant = if bin_exp > n_significant_bits {
                insignificant_digits_for_pow2(bin_exp - n_significant_bits - 1)
            } else {
                0
            };
            if bin_exp >= EXP_SHIFT {
                fract_bits <<= bin_exp - EXP_SHIFT;
            } else {
                fract_bits >>= EXP_SHIFT - bin_exp;
            }
            self.develop_long(0, fract_bits as i64, insignificant);
            return;
        }
        let mut dec_exp = estimate_dec_exp(fract_bits, bin_exp);
        let b5 = (-dec_exp).max(0);
        let mut b2 = b5 + n_tiny_bits + bin_exp;
        let s5 = dec_exp.max(0);
        let mut s2 = s5 + n_tiny_bits;
        let m5 = b5;
        let mut m2 = b2 - n_significant_bits;
        fract_bits >>= tail_zeros;
        b2 -= n_fract_bits - 1;
        let common2 = b2.min(s2);
        b2 -= common2;
        s2 -= common2;
        m2 -= common2;
        if n_fract_bits == 1 {
            m2 -= 1;
        }
        if m2 < 0 {
            b2 -= m2;
            s2 -= m2;
            m2 = 0;
        }
        let b_bits = n_fract_bits
            + b2
            + if b5 < 27 {
                N_5_BITS[b5 as usize]
            } else {
                b5 * 3
            };
        let ten_s_bits = s2
            + 1
            + if s5 + 1 < 27 {
                N_5_BITS[(s5 + 1) as usize]
            } else {
                (s5 + 1) * 3
            };
        let (high, low, low_digit_difference);
        self.n = 0;
        if b_bits < 64 && ten_s_bits < 64 {
            if b_bits < 32 && ten_s_bits < 32 {
                // Java int arithmetic, wrapping included.
                let mut b = (fract_bits as i32)
                    .wrapping_mul(LONG_5_POW[b5 as usize] as i32)
                    .wrapping_shl(b2 as u32);
                let s = (LONG_5_POW[s5 as usize] as i32).wrapping_shl(s2 as u32);
                let mut m = (LONG_5_POW[m5 as usize] as i32).wrapping_shl(m2 as u32);
                let tens = s.wrapping_mul(10);
                let mut q = b / s;
                b = 10i32.wrapping_mul(b % s);
                m = m.wrapping_mul(10);
                let mut lo = b < m;
                let mut hi = b.wrapping_add(m) > tens;
                self.first_digit(q as i64, hi, &mut dec_exp);
                if !(-3..8).contains(&dec_exp) {
                    hi = false;
                    lo = false;
                }
                while !lo && !hi {
                    q = b / s;
                    b = 10i32.wrapping_mul(b % s);
                    m = m.wrapping_mul(10);
                    if m > 0 {
                        lo = b < m;
                        hi = b.wrapping_add(m) > tens;
                    } else {
                        lo = true;
                        hi = true;
                    }
                    self.push(q as i64);
                }
                low_digit_difference = (b.wrapping_shl(1)).wrapping_sub(tens) as i64;
                (high, low) = (hi, lo);
            } else {
                // Java long arithmetic, wrapping included.
                let mut b = (fract_bits as i64)
                    .wrapping_mul(LONG_5_POW[b5 as usize])
                    .wrapping_shl(b2 as u32);
                let s = LONG_5_POW[s5 as usize].wrapping_shl(s2 as u32);
                let mut m = LONG_5_POW[m5 as usize].wrapping_shl(m2 as u32);
                let tens = s.wrapping_mul(10);
                let mut q = b / s;
                b = 10i64.wrapping_mul(b % s);
                m = m.wrapping_mul(10);
                let mut lo = b < m;
                let mut hi = b.wrapping_add(m) > tens;
                self.first_digit(q, hi, &mut dec_exp);
                if !(-3..8).contains(&dec_exp) {
                    hi = false;
                    lo = false;
                }
                while !lo && !hi {
                    q = b / s;
                    b = 10i64.wrapping_mul(b % s);
                    m = m.wrapping_mul(10);
                    if m > 0 {
                        lo = b < m;
                        hi = b.wrapping_add(m) > tens;
                    } else {
                        lo = true;
                        hi = true;
                    }
                    self.push(q);
                }
                low_digit_difference = (b.wrapping_shl(1)).wrapping_sub(tens);
                (high, low) = (hi, lo);
            }
        } else {
            // Big integers. The FDBigInteger normalization shift changes no comparison.
            let s = Big::pow52(s5, s2);
            let mut b = Big::from_u64(fract_bits);
            b.mul_pow52(b5, b2);
            let mut m = Big::pow52(m5 + 1, m2 + 1);
            let ten_s = Big::pow52(s5 + 1, s2 + 1);
            let mut scratch = Big(Vec::with_capacity(ten_s.0.len() + 1));
            let q = b.quo_rem_iteration(&s, &mut scratch);
            let mut lo = b.cmp(&m) == Ordering::Less;
            let mut hi = ten_s.cmp_sum(&b, &m, &mut scratch) != Ordering::Greater;
            self.first_digit(q, hi, &mut dec_exp);
            if !(-3..8).contains(&dec_exp) {
                hi = false;
                lo = false;
            }
            while !lo && !hi {
                let q = b.quo_rem_iteration(&s, &mut scratch);
                m.mul_small(10);
                lo = b.cmp(&m) == Ordering::Less;
                hi = ten_s.cmp_sum(&b, &m, &mut scratch) != Ordering::Greater;
                self.push(q);
            }
            low_digit_difference = if hi && lo {
                b.shl(1);
                b.cmp(&ten_s) as i64
            } else {
                0
            };
            (high, low) = (hi, lo);
        }
        self.dec_exponent = dec_exp + 1;
        if high {
            if low {
                if low_digit_difference == 0 {
                    if self.digits[self.n - 1] & 1 != 0 {
                        self.roundup();
                    }
                } else if low_digit_difference > 0 {
                    self.roundup();
                }
            } else {
                self.roundup();
            }
        }
    }

    /// The unrolled first iteration: a zero first digit means the exponent estimate was high.
    fn first_digit(&mut self, q: i64, high: bool, dec_exp: &mut i32) {
        debug_assert!(q < 10, "excessively large digit {q}");
        if q == 0 && !high {
            *dec_exp -= 1;
        } else {
            self.push(q);
        }
    }

    /// `BinaryToASCIIBuffer.getChars`: plain form for exponents 1..=7 and -2..=0, else E form.
    fn write(&self, neg: bool, out: &mut Vec<u8>) {
        let digits = &self.digits[..self.n];
        let e = self.dec_exponent;
        if neg {
            out.push(b'-');
        }
        if e > 0 && e < 8 {
            let int_len = digits.len().min(e as usize);
            out.extend_from_slice(&digits[..int_len]);
            if int_len < e as usize {
                out.resize(out.len() + (e as usize - int_len), b'0');
                out.extend_from_slice(b".0");
            } else {
                out.push(b'.');
                if int_len < digits.len() {
                    out.extend_from_slice(&digits[int_len..]);
                } else {
                    out.push(b'0');
                }
            }
        } else if e <= 0 && e > -3 {
            out.extend_from_slice(b"0.");
            out.resize(out.len() + (-e) as usize, b'0');
            out.extend_from_slice(digits);
        } else {
            out.push(digits[0]);
            out.push(b'.');
            if digits.len() > 1 {
                out.extend_from_slice(&digits[1..]);
            } else {
                out.push(b'0');
            }
            out.push(b'E');
            let exp = if e <= 0 {
                out.push(b'-');
                -e + 1
            } else {
                e - 1
            };
            push_long(out, exp as i64);
        }
    }
}

fn insignificant_digits_for_pow2(p2: i32) -> i32 {
    if p2 > 1 && p2 < INSIGNIFICANT_DIGITS_FOR_POW2.len() as i32 {
        INSIGNIFICANT_DIGITS_FOR_POW2[p2 as usize]
    } else {
        0
    }
}

/// `FloatingDecimal.estimateDecExp`: about `floor(log10(d))`, from a linear estimate of
/// `log10` of the mantissa; sometimes one too high (the first digit is then zero).
#[allow(clippy::approx_constant)] // Java's literal, not `LOG10_2`: the estimate must match
fn estimate_dec_exp(fract_bits: u64, bin_exp: i32) -> i32 {
    let d2 = f64::from_bits(EXP_ONE | (fract_bits & SIGNIF_MASK));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + bin_exp as f64 * 0.301029995663981;
    let d_bits = d.to_bits();
    let exponent = ((d_bits & EXP_MASK) >> EXP_SHIFT) as i32 - EXP_BIAS;
    let negative = d_bits & SIGN_MASK != 0;
    if (0..52).contains(&exponent) {
        let mask = SIGNIF_MASK >> exponent;
        let r = (((d_bits & SIGNIF_MASK) | FRACT_HOB) >> (EXP_SHIFT - exponent)) as i32;
        if negative {
            if mask & d_bits == 0 {
                -r
            } else {
                -r - 1
            }
        } else {
            r
        }
    } else if exponent < 0 {
        if d_bits & !SIGN_MASK == 0 || !negative {
            0
        } else {
            -1
        }
    } else {
        d as i32
    }
}

/// A minimal unsigned big integer (little-endian 32-bit words) for the hard case of `dtoa`.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    /// `5^p5 * 2^p2`.
    fn pow52(p5: i32, p2: i32) -> Big {
        let mut b = Big(vec![1]);
        b.mul_pow52(p5, p2);
        b
    }

    fn mul_pow52(&mut self, p5: i32, p2: i32) {
        let mut p5 = p5;
        while p5 >= 13 {
            self.mul_small(1_220_703_125); // 5^13
            p5 -= 13;
        }
        if p5 > 0 {
            self.mul_small(5u32.pow(p5 as u32));
        }
        self.shl(p2 as u32);
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for w in self.0.iter_mut() {
            let v = *w as u64 * m as u64 + carry;
            *w = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits != 0 {
            let mut carry = 0u32;
            for w in self.0.iter_mut() {
                let v = *w;
                *w = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if words != 0 {
            self.0.splice(0..0, vec![0; words]);
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// Compare `self` with `x + y`, given `x <= self` (`scratch` is a work area).
    fn cmp_sum(&self, x: &Big, y: &Big, scratch: &mut Big) -> Ordering {
        scratch.set(self);
        scratch.sub(x);
        scratch.cmp(y)
    }

    fn set(&mut self, other: &Big) {
        self.0.clear();
        self.0.extend_from_slice(&other.0);
    }

    /// `self -= y`, given `y <= self`.
    fn sub(&mut self, y: &Big) {
        let mut borrow = 0i64;
        for (i, w) in self.0.iter_mut().enumerate() {
            let v = *w as i64 - *y.0.get(i).unwrap_or(&0) as i64 - borrow;
            *w = v as u32;
            borrow = (v < 0) as i64;
        }
        self.trim();
    }

    /// The leading words of `self` from word `from` down, as a float.
    fn top(&self, from: usize) -> f64 {
        (0..3).fold(0.0, |acc, k| {
            let w = from
                .checked_sub(k)
                .and_then(|i| self.0.get(i))
                .copied()
                .unwrap_or(0);
            acc * 4_294_967_296.0 + w as f64
        })
    }

    /// `q = self / s; self = 10 * (self % s)`; the quotient is a single digit (`self < 10 s`).
    fn quo_rem_iteration(&mut self, s: &Big, scratch: &mut Big) -> i64 {
        // Estimate from the leading words (off by at most one), then correct.
        let n = s.0.len();
        let mut q = ((self.top(n) / s.top(n)) as i64).min(9);
        if q > 0 {
            scratch.set(s);
            scratch.mul_small(q as u32);
            while scratch.cmp(self) == Ordering::Greater {
                scratch.sub(s);
                q -= 1;
            }
            self.sub(scratch);
        }
        while self.cmp(s) != Ordering::Less {
            self.sub(s);
            q += 1;
        }
        self.mul_small(10);
        q
    }
}

/// Append `Double.toString(x)` (JDK 17) to `out`.
pub fn push_double(out: &mut Vec<u8>, x: f64) {
    // Shortcut: integral values in the plain range print exactly, as `N.0`.
    if x.trunc() == x && x.abs() < 1e7 && (x != 0.0 || x.is_sign_positive()) {
        push_long(out, x as i64);
        out.extend_from_slice(b".0");
        return;
    }
    let bits = x.to_bits();
    let neg = bits & SIGN_MASK != 0;
    let mut fract_bits = bits & SIGNIF_MASK;
    let mut bin_exp = ((bits & EXP_MASK) >> EXP_SHIFT) as i32;
    if bin_exp == 0x7FF {
        out.extend_from_slice(match (fract_bits, neg) {
            (0, false) => b"Infinity".as_slice(),
            (0, true) => b"-Infinity",
            _ => b"NaN",
        });
        return;
    }
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            out.extend_from_slice(if neg { b"-0.0" } else { b"0.0" });
            return;
        }
        // Subnormal: normalize.
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (63 - EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 64 - leading_zeros;
    } else {
        fract_bits |= FRACT_HOB;
        n_significant_bits = EXP_SHIFT + 1;
    }
    let mut digits = Digits::new();
    digits.dtoa(bin_exp - EXP_BIAS, fract_bits, n_significant_bits);
    digits.write(neg, out);
}

/// `Double.toString(x)` as JDK 17 writes it.
pub fn double_to_string(x: f64) -> String {
    let mut out = Vec::with_capacity(24);
    push_double(&mut out, x);
    String::from_utf8(out).expect("ASCII")
}

/// Append `Long.toString(n)` to `out`.
pub fn push_long(out: &mut Vec<u8>, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&buf[i..]);
}

/// `Long.toString(n)`.
pub fn long_to_string(n: i64) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jdk17_quirks() {
        for (x, s) in [
            (1.0e23, "9.999999999999999E22"),
            (2.0e23, "1.9999999999999998E23"),
            (8.41e21, "8.409999999999999E21"),
            (2.82879384806159e17, "2.82879384806159008E17"),
            (4611686018427387904.0, "4.6116860184273879E18"),
            (1.0e7, "1.0E7"),
            (9999999.0, "9999999.0"),
            (0.001, "0.001"),
            (1.0e-4, "1.0E-4"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (f64::MIN_POSITIVE, "2.2250738585072014E-308"),
            (f64::from_bits(1), "4.9E-324"),
            (f64::MAX, "1.7976931348623157E308"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(double_to_string(x), s, "{x:e}");
        }
    }

    #[test]
    fn longs() {
        for n in [0, 1, -1, 42, i64::MAX, i64::MIN] {
            let mut out = Vec::new();
            push_long(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
            assert_eq!(long_to_string(n), n.to_string());
        }
    }
}
