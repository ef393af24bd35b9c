//! Draws the embedded shell's emulated screen (alacritty_terminal's grid)
//! into a ratatui buffer, colours and attributes included.

use crate::shell::alacritty_terminal::grid::Dimensions;
use crate::shell::alacritty_terminal::index::{Column, Line};
use crate::shell::alacritty_terminal::term::cell::Flags;
use crate::shell::alacritty_terminal::vte::ansi::{Color as AColor, NamedColor};
use crate::shell::{Emulator, Shell};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

fn color(c: AColor) -> Option<Color> {
    Some(match c {
        AColor::Named(n) => match n {
            NamedColor::Black => Color::Black,
            NamedColor::Red => Color::Red,
            NamedColor::Green => Color::Green,
            NamedColor::Yellow => Color::Yellow,
            NamedColor::Blue => Color::Blue,
            NamedColor::Magenta => Color::Magenta,
            NamedColor::Cyan => Color::Cyan,
            NamedColor::White => Color::Gray,
            NamedColor::BrightBlack => Color::DarkGray,
            NamedColor::BrightRed => Color::LightRed,
            NamedColor::BrightGreen => Color::LightGreen,
            NamedColor::BrightYellow => Color::LightYellow,
            NamedColor::BrightBlue => Color::LightBlue,
            NamedColor::BrightMagenta => Color::LightMagenta,
            NamedColor::BrightCyan => Color::LightCyan,
            NamedColor::BrightWhite => Color::White,
            _ => return None,
        },
        AColor::Spec(rgb) => Color::Rgb(rgb.r, rgb.g, rgb.b),
        AColor::Indexed(i) => Color::Indexed(i),
    })
}

/// Renders the visible screen; returns where the cursor is, if inside.
pub fn render(shell: &Shell, area: Rect, buf: &mut Buffer, colors: bool) -> Option<Position> {
    shell.with_emulator(|e| render_emulator(e, area, buf, colors))
}

/// Renders an emulated screen (a live shell's, or a transcript replayed).
pub fn render_emulator(
    e: &Emulator,
    area: Rect,
    buf: &mut Buffer,
    colors: bool,
) -> Option<Position> {
    let term = e.term();
    let grid = term.grid();
    let offset = grid.display_offset() as i32;
    let rows = (grid.screen_lines() as u16).min(area.height);
    let cols = (grid.columns() as u16).min(area.width);
    for y in 0..rows {
        let row = &grid[Line(y as i32 - offset)];
        for x in 0..cols {
            let cell = &row[Column(x as usize)];
            if cell
                .flags
                .intersects(Flags::WIDE_CHAR_SPACER | Flags::LEADING_WIDE_CHAR_SPACER)
            {
                continue;
            }
            let mut style = Style::default();
            if colors {
                if let Some(fg) = color(cell.fg) {
                    style = style.fg(fg);
                }
                if let Some(bg) = color(cell.bg) {
                    style = style.bg(bg);
                }
            }
            let mut m = Modifier::empty();
            if cell.flags.contains(Flags::BOLD) {
                m |= Modifier::BOLD;
            }
            if cell.flags.contains(Flags::ITALIC) {
                m |= Modifier::ITALIC;
            }
            if cell.flags.contains(Flags::UNDERLINE) {
                m |= Modifier::UNDERLINED;
            }
            if cell.flags.contains(Flags::INVERSE) {
                m |= Modifier::REVERSED;
            }
            if cell.flags.contains(Flags::DIM) {
                m |= Modifier::DIM;
            }
            let mut sym = String::new();
            // A control character (C0, DEL, C1) never reaches the
            // terminal: hostile output cannot move its cursor or break
            // the frame through a cell.
            sym.push(if cell.c.is_control() { ' ' } else { cell.c });
            if let Some(zw) = cell.zerowidth() {
                sym.extend(zw.iter().filter(|c| !c.is_control()));
            }
            if let Some(c) = buf.cell_mut((area.x + x, area.y + y)) {
                c.set_symbol(&sym).set_style(style.add_modifier(m));
            }
        }
    }
    let (cy, cx) = e.cursor();
    (offset == 0 && (cy as u16) < rows && (cx as u16) < cols)
        .then(|| Position::new(area.x + cx as u16, area.y + cy as u16))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::emulator::PaneSize;

    #[test]
    fn hostile_bytes_leave_no_control_character_in_the_frame() {
        let mut e = Emulator::new(PaneSize { rows: 10, cols: 40 }, 100);
        // Every byte value, C1 controls included, many times over, in a
        // fixed pseudo-random order.
        let mut x: u32 = 0x2545_f491;
        let bytes: Vec<u8> = (0..200_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        let mut requests = Vec::new();
        e.advance(&bytes, &mut requests);
        e.advance("\u{85}\u{9b}2J\u{7f}".as_bytes(), &mut requests);
        let area = Rect::new(0, 0, 40, 10);
        let mut buf = Buffer::empty(area);
        render_emulator(&e, area, &mut buf, true);
        for cell in buf.content.iter() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{:?}",
                cell.symbol()
            );
        }
    }
}
