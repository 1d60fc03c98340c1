//! The desktop window drawn by the processor: winit for the window and its events,
//! egui-winit for turning them into egui's input (keys, text, IME, clipboard, files dropped,
//! AccessKit for screen readers), a software renderer for egui's shapes
//! (`egui_software_backend`) and softbuffer to put the pixels on the screen.
//!
//! It is the default way the app shows itself (`quizdeck`; `QUIZDECK_RENDERER=gl` uses
//! eframe's OpenGL window instead). A classroom PC without a usable graphics driver draws
//! OpenGL in software anyway (Mesa's llvmpipe), and pays for it: about 80 MB of memory
//! for the driver and its compiler, and 35–40 ms of every start to load them
//! (`docs/performance.md`, sixteenth pass). Drawing egui's few rectangles and glyphs here
//! needs neither, and works where no OpenGL 2 driver is installed at all.
//!
//! One window (the root viewport); the app asks nothing else of it.

use std::num::NonZeroU32;
use std::rc::Rc;
use std::time::Instant;

use egui::{ViewportId, ViewportInfo};
use egui_software_backend::{BufferMutRef, ColorFieldOrder, EguiSoftwareRender};
use egui_winit::accesskit_winit;
use egui_winit::winit;
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{
    ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy, OwnedDisplayHandle,
};
use winit::window::{Window, WindowId};

/// What the window needs of the app it shows.
pub trait WindowApp {
    /// Draws one frame.
    fn ui(&mut self, ui: &mut egui::Ui);
    /// Adjusts the input before the frame (as `eframe::App::raw_input_hook`).
    fn raw_input_hook(&mut self, _raw_input: &mut egui::RawInput) {}
    /// Called once when the window closes, before the program goes on.
    fn on_exit(&mut self) {}
}

/// Why the window could not be shown or kept.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// The system's event loop could not start (no display, for one).
    #[error("the window system could not be reached: {0}")]
    EventLoop(String),
    /// The window could not be made.
    #[error("the window could not be made: {0}")]
    Window(String),
    /// Its pixels could not be given to the screen.
    #[error("the window could not be drawn: {0}")]
    Surface(String),
}

/// The largest texture side the renderer is offered (the app keeps to less: its pictures'
/// largest side, `picture::cap_texture_side`).
const MAX_TEXTURE_SIDE: usize = 8192;

/// The shortest time between two frames asked for by a timer or an animation (60 a
/// second); input is drawn at once.
const MIN_FRAME: std::time::Duration = std::time::Duration::from_micros(16_667);

/// Draws egui's shapes into a window's pixels, 0RGB a `u32` (softbuffer's format).
pub struct Painter {
    renderer: EguiSoftwareRender,
}

impl Default for Painter {
    fn default() -> Self {
        Self::new()
    }
}

impl Painter {
    /// A painter with nothing drawn yet (it keeps what it drew to redraw only what changed).
    pub fn new() -> Self {
        Self {
            renderer: EguiSoftwareRender::new(ColorFieldOrder::Bgra),
        }
    }

    /// Fills `pixels` (`width` × `height`, rows top to bottom) with `background`, then draws
    /// the frame's shapes over it and applies its texture changes (all of them, even when
    /// `pixels` is not of that size and is left alone).
    pub fn paint(
        &mut self,
        pixels: &mut [u32],
        [width, height]: [usize; 2],
        background: egui::Color32,
        primitives: &[egui::ClippedPrimitive],
        mut textures: egui::TexturesDelta,
        pixels_per_point: f32,
    ) {
        let (width, height) = (width.max(1), height.max(1));
        if pixels.len() != width * height {
            let mut scratch = vec![[0u8; 4]; 1];
            let mut buffer = BufferMutRef::new(&mut scratch, 1, 1);
            self.renderer
                .render(&mut buffer, &[], &textures, pixels_per_point);
            textures.clear();
            return;
        }
        let [r, g, b, _] = background.to_array();
        pixels.fill(u32::from_be_bytes([0, r, g, b]));
        let data: &mut [[u8; 4]] = bytemuck::cast_slice_mut(pixels);
        let mut buffer = BufferMutRef::new(data, width, height);
        self.renderer
            .render(&mut buffer, primitives, &textures, pixels_per_point);
        textures.clear();
        // The renderer leaves its alpha in the top byte, which softbuffer wants zero.
        for p in pixels.iter_mut() {
            *p &= 0x00ff_ffff;
        }
    }
}

/// Events sent to the window from other threads.
#[derive(Debug)]
pub enum UserEvent {
    /// egui asked for a frame at `when` (a job ended, a spinner turns).
    Repaint {
        /// When to draw.
        when: Instant,
        /// The pass during which it was asked (an older one has been drawn already).
        pass: u64,
    },
    /// A screen reader's request or notice.
    AccessKit(accesskit_winit::Event),
}

impl From<accesskit_winit::Event> for UserEvent {
    fn from(e: accesskit_winit::Event) -> Self {
        Self::AccessKit(e)
    }
}

/// Opens the window described by `viewport`, makes the app with `make` once it is there,
/// and runs until the window is closed (and the app has not cancelled it).
pub fn run<A: WindowApp>(
    viewport: egui::ViewportBuilder,
    make: impl FnOnce(&egui::Context) -> A,
) -> Result<(), WindowError> {
    let event_loop = EventLoop::<UserEvent>::with_user_event()
        .build()
        .map_err(|e| WindowError::EventLoop(e.to_string()))?;
    let ctx = egui::Context::default();
    let proxy = event_loop.create_proxy();
    let wake = proxy.clone();
    ctx.set_request_repaint_callback(move |info| {
        let _ = wake.send_event(UserEvent::Repaint {
            when: Instant::now() + info.delay,
            pass: info.current_cumulative_pass_nr,
        });
    });
    let mut runner = Runner {
        viewport,
        make: Some(make),
        ctx,
        proxy,
        shown: None,
        repaint_at: None,
        last_frame: None,
        error: None,
    };
    event_loop
        .run_app(&mut runner)
        .map_err(|e| WindowError::EventLoop(e.to_string()))?;
    match runner.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The window and what draws it, once made.
struct Shown<A> {
    window: Rc<Window>,
    surface: softbuffer::Surface<OwnedDisplayHandle, Rc<Window>>,
    state: egui_winit::State,
    info: ViewportInfo,
    actions: Vec<egui_winit::ActionRequested>,
    painter: Painter,
    app: A,
    first_frame: bool,
    closing: bool,
}

struct Runner<A, F> {
    viewport: egui::ViewportBuilder,
    make: Option<F>,
    ctx: egui::Context,
    proxy: EventLoopProxy<UserEvent>,
    shown: Option<Shown<A>>,
    repaint_at: Option<Instant>,
    last_frame: Option<Instant>,
    error: Option<WindowError>,
}

impl<A: WindowApp, F: FnOnce(&egui::Context) -> A> Runner<A, F> {
    fn open(&mut self, event_loop: &ActiveEventLoop) -> Result<(), WindowError> {
        // Hidden until its first frame is drawn, so no empty window flashes.
        let builder = self.viewport.clone().with_visible(false);
        let window = egui_winit::create_window(&self.ctx, event_loop, &builder)
            .map_err(|e| WindowError::Window(e.to_string()))?;
        let window = Rc::new(window);
        let context = softbuffer::Context::new(event_loop.owned_display_handle())
            .map_err(|e| WindowError::Surface(e.to_string()))?;
        let surface = softbuffer::Surface::new(&context, window.clone())
            .map_err(|e| WindowError::Surface(e.to_string()))?;
        let mut state = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            event_loop,
            Some(window.scale_factor() as f32),
            event_loop.system_theme(),
            Some(MAX_TEXTURE_SIDE),
        );
        // Before the window is first shown, as AccessKit requires.
        state.init_accesskit(event_loop, &window, self.proxy.clone());
        let mut info = ViewportInfo::default();
        egui_winit::update_viewport_info(&mut info, &self.ctx, &window, true);
        let Some(make) = self.make.take() else {
            return Ok(());
        };
        let app = make(&self.ctx);
        self.shown = Some(Shown {
            window,
            surface,
            state,
            info,
            actions: Vec::new(),
            painter: Painter::new(),
            app,
            first_frame: true,
            closing: false,
        });
        Ok(())
    }

    /// Runs the app for one frame and draws it.
    fn frame(&mut self, event_loop: &ActiveEventLoop) -> Result<(), WindowError> {
        let Some(s) = self.shown.as_mut() else {
            return Ok(());
        };
        let window = s.window.clone();
        egui_winit::update_viewport_info(&mut s.info, &self.ctx, &window, false);
        let mut raw_input = s.state.take_egui_input(&window);
        raw_input.viewports = std::iter::once((ViewportId::ROOT, s.info.clone())).collect();
        s.app.raw_input_hook(&mut raw_input);
        let close_requested = raw_input.viewport().close_requested();
        let app = &mut s.app;
        let output = self.ctx.run_ui(raw_input, |ui| app.ui(ui));
        s.info.events.clear();
        s.state
            .handle_platform_output_with_event_loop(&window, event_loop, output.platform_output);
        let mut commands = Vec::new();
        let mut repaint_delay = None;
        for (id, out) in output.viewport_output {
            if id == ViewportId::ROOT {
                repaint_delay = Some(out.repaint_delay);
                commands = out.commands;
            }
        }
        let cancelled = commands.contains(&egui::ViewportCommand::CancelClose);
        if close_requested && !cancelled {
            s.closing = true;
        }
        egui_winit::process_viewport_commands(
            &self.ctx,
            &mut s.info,
            commands,
            &window,
            &mut s.actions,
        );
        // A close asked by the app (`ViewportCommand::Close`) is asked back at the next
        // frame, where the app may still cancel it, as eframe does.
        if !s.info.events.is_empty() {
            window.request_redraw();
        }
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut textures = output.textures_delta;
        let size = window.inner_size();
        let (w, h) = (size.width.max(1), size.height.max(1));
        let background = self.ctx.global_style().visuals.panel_fill;
        let painter = &mut s.painter;
        let surface = &mut s.surface;
        let mut show = || -> Result<(), WindowError> {
            let one = NonZeroU32::MIN;
            surface
                .resize(
                    NonZeroU32::new(w).unwrap_or(one),
                    NonZeroU32::new(h).unwrap_or(one),
                )
                .map_err(|e| WindowError::Surface(e.to_string()))?;
            let mut buffer = surface
                .buffer_mut()
                .map_err(|e| WindowError::Surface(e.to_string()))?;
            painter.paint(
                &mut buffer,
                [w as usize, h as usize],
                background,
                &primitives,
                std::mem::take(&mut textures),
                output.pixels_per_point,
            );
            window.pre_present_notify();
            buffer
                .present()
                .map_err(|e| WindowError::Surface(e.to_string()))
        };
        let shown = show();
        // Not applied when the pixels could not be had (the window then closes).
        textures.clear();
        shown?;
        self.last_frame = Some(Instant::now());
        // What the app asked of the clipboard by command reaches it at the next frame.
        for action in s.actions.drain(..) {
            let event = match action {
                egui_winit::ActionRequested::Cut => Some(egui::Event::Cut),
                egui_winit::ActionRequested::Copy => Some(egui::Event::Copy),
                egui_winit::ActionRequested::Paste => {
                    s.state.clipboard_text().map(egui::Event::Paste)
                }
                _ => None,
            };
            s.state.egui_input_mut().events.extend(event);
        }
        if std::mem::take(&mut s.first_frame) {
            window.set_visible(true);
        }
        if let Some(delay) = repaint_delay
            && delay < std::time::Duration::MAX
        {
            self.wake_at(Instant::now() + delay);
        }
        Ok(())
    }

    /// Draws a frame now, and ends when the app has let the window close.
    fn draw_now(&mut self, event_loop: &ActiveEventLoop) {
        match self.frame(event_loop) {
            Err(e) => self.fail(event_loop, e),
            Ok(()) if self.shown.as_ref().is_some_and(|s| s.closing) => self.close(event_loop),
            Ok(()) => {}
        }
    }

    /// Asks for a frame at `when`, and not sooner than [`MIN_FRAME`] after the last one:
    /// the window's pixels are shown at once (there is no display's refresh to wait for),
    /// so egui's animations would otherwise be drawn as fast as the processor allows.
    fn wake_at(&mut self, when: Instant) {
        let when = self
            .last_frame
            .map_or(when, |last| when.max(last + MIN_FRAME));
        self.repaint_at = Some(self.repaint_at.map_or(when, |at| at.min(when)));
    }

    fn fail(&mut self, event_loop: &ActiveEventLoop, e: WindowError) {
        self.error = Some(e);
        self.close(event_loop);
    }

    /// Lets the app finish (its progress written) and ends the loop.
    fn close(&mut self, event_loop: &ActiveEventLoop) {
        if let Some(mut s) = self.shown.take() {
            s.window.set_visible(false);
            s.app.on_exit();
        }
        event_loop.exit();
    }
}

impl<A: WindowApp, F: FnOnce(&egui::Context) -> A> ApplicationHandler<UserEvent> for Runner<A, F> {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.shown.is_none() && self.make.is_some() {
            match self.open(event_loop) {
                Err(e) => self.fail(event_loop, e),
                // Drawn at once: a hidden window is sent no redraw on every system (none
                // on Windows), and it shows after its first frame.
                Ok(()) => self.draw_now(event_loop),
            }
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, id: WindowId, event: WindowEvent) {
        let Some(s) = self.shown.as_mut() else {
            return;
        };
        if s.window.id() != id {
            return;
        }
        match event {
            WindowEvent::RedrawRequested => self.draw_now(event_loop),
            WindowEvent::Destroyed => self.close(event_loop),
            WindowEvent::CloseRequested => {
                // A close asked by the window system is a frame's question to the app (it
                // may cancel it to ask about unsaved work), asked at once: a minimised
                // window may be sent no redraw.
                let _ = s.state.on_window_event(&s.window, &event);
                s.info.events.push(egui::ViewportEvent::Close);
                self.draw_now(event_loop);
            }
            event => {
                if s.state.on_window_event(&s.window, &event).repaint {
                    s.window.request_redraw();
                }
            }
        }
    }

    fn user_event(&mut self, _: &ActiveEventLoop, event: UserEvent) {
        match event {
            UserEvent::Repaint { when, pass } => {
                let now = self.ctx.cumulative_pass_nr();
                if now == pass || now == pass + 1 {
                    self.wake_at(when);
                }
            }
            UserEvent::AccessKit(e) => {
                let Some(s) = self.shown.as_mut() else {
                    return;
                };
                match e.window_event {
                    accesskit_winit::WindowEvent::InitialTreeRequested => {
                        self.ctx.enable_accesskit();
                        s.window.request_redraw();
                    }
                    accesskit_winit::WindowEvent::ActionRequested(request) => {
                        s.state.on_accesskit_action_request(request);
                        s.window.request_redraw();
                    }
                    accesskit_winit::WindowEvent::AccessibilityDeactivated => {
                        self.ctx.disable_accesskit();
                    }
                }
            }
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        match self.repaint_at {
            Some(at) if at <= Instant::now() => {
                self.repaint_at = None;
                event_loop.set_control_flow(ControlFlow::Wait);
                match &self.shown {
                    // A hidden window is sent no redraw on some systems: drawn at once.
                    Some(s) if s.window.is_visible() == Some(false) => self.draw_now(event_loop),
                    Some(s) => s.window.request_redraw(),
                    None => {}
                }
            }
            Some(at) => event_loop.set_control_flow(ControlFlow::WaitUntil(at)),
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }

    fn exiting(&mut self, event_loop: &ActiveEventLoop) {
        self.close(event_loop);
    }
}

/// Any [`WindowApp`] in eframe's OpenGL window (`QUIZDECK_RENDERER=gl`): one adapter, so
/// the app says what it needs once for both windows.
pub struct OnGl<A: WindowApp>(pub A);

impl<A: WindowApp> eframe::App for OnGl<A> {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.0.ui(ui);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.0.raw_input_hook(raw_input);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.0.on_exit();
    }
}

// The app in either window: this one, or eframe's through [`OnGl`].
impl WindowApp for super::QuizApp {
    fn ui(&mut self, ui: &mut egui::Ui) {
        super::QuizApp::ui(self, ui);
    }

    fn raw_input_hook(&mut self, raw_input: &mut egui::RawInput) {
        super::picture::cap_texture_side(raw_input);
    }

    fn on_exit(&mut self) {
        self.shutdown();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, Rect, vec2};

    const W: usize = 200;
    const H: usize = 120;
    const BACKGROUND: Color32 = Color32::from_rgb(10, 20, 30);

    /// Runs one egui pass of `size` points at one pixel a point and paints it.
    fn draw(ctx: &egui::Context, painter: &mut Painter, ui: impl FnMut(&mut egui::Ui)) -> Vec<u32> {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(W as f32, H as f32))),
            ..Default::default()
        };
        let out = ctx.run_ui(input, ui);
        let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
        let mut pixels = vec![0xdead_beef; W * H];
        painter.paint(
            &mut pixels,
            [W, H],
            BACKGROUND,
            &primitives,
            out.textures_delta,
            out.pixels_per_point,
        );
        pixels
    }

    fn at(pixels: &[u32], x: usize, y: usize) -> u32 {
        pixels[y * W + x]
    }

    fn rgb(c: Color32) -> u32 {
        u32::from_be_bytes([0, c.r(), c.g(), c.b()])
    }

    /// A frame's rectangles are drawn in their colours over the background, its text in
    /// glyphs (the font texture applied), and every pixel keeps softbuffer's top byte zero.
    #[test]
    fn a_frame_is_drawn_with_its_shapes_and_its_text_over_the_background() {
        let ctx = egui::Context::default();
        let mut painter = Painter::new();
        let text_at = Rect::from_min_size(Pos2::new(10.0, 60.0), vec2(150.0, 30.0));
        let pixels = draw(&ctx, &mut painter, |ui| {
            let p = ui.painter();
            p.rect_filled(
                Rect::from_min_max(Pos2::new(10.0, 10.0), Pos2::new(50.0, 30.0)),
                0.0,
                Color32::RED,
            );
            p.text(
                text_at.min,
                egui::Align2::LEFT_TOP,
                "Molotov–Ribbentrop",
                egui::FontId::proportional(20.0),
                Color32::WHITE,
            );
        });
        assert_eq!(at(&pixels, 30, 20), rgb(Color32::RED));
        assert_eq!(at(&pixels, 5, 5), rgb(BACKGROUND));
        assert_eq!(at(&pixels, W - 1, H - 1), rgb(BACKGROUND));
        let lit = (60..90)
            .flat_map(|y| (10..160).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let [_, r, _, _] = at(&pixels, x, y).to_be_bytes();
                r > 200
            })
            .count();
        assert!(lit > 100, "{lit} pixels of text drawn");
        assert!(pixels.iter().all(|p| p >> 24 == 0));
    }

    /// The renderer keeps what it drew to redraw only what changed: a shape that moved is
    /// drawn where it is now and no longer where it was, and a frame of another size is
    /// drawn whole.
    #[test]
    fn the_next_frame_shows_what_changed_and_nothing_left_over() {
        let ctx = egui::Context::default();
        let mut painter = Painter::new();
        let square = |x: f32| Rect::from_min_size(Pos2::new(x, 40.0), vec2(30.0, 30.0));
        let first = draw(&ctx, &mut painter, |ui| {
            ui.painter().rect_filled(square(20.0), 0.0, Color32::BLUE);
        });
        assert_eq!(at(&first, 35, 55), rgb(Color32::BLUE));
        let second = draw(&ctx, &mut painter, |ui| {
            ui.painter().rect_filled(square(120.0), 0.0, Color32::BLUE);
            ui.label("Tartu");
        });
        assert_eq!(at(&second, 35, 55), rgb(BACKGROUND));
        assert_eq!(at(&second, 135, 55), rgb(Color32::BLUE));
        // The same frame drawn again is the same picture.
        let third = draw(&ctx, &mut painter, |ui| {
            ui.painter().rect_filled(square(120.0), 0.0, Color32::BLUE);
            ui.label("Tartu");
        });
        assert_eq!(second, third);
    }

    /// A texture turned a quarter on screen (the vertical text of a chart's axis) is drawn
    /// turned: the renderer's rectangle path, which maps the texture along the screen's
    /// axes, is not taken for it. Before, every glyph of "items due" on the statistics
    /// page was drawn mirrored.
    #[test]
    fn a_texture_turned_on_screen_is_drawn_turned() {
        let mut painter = Painter::new();
        let id = egui::TextureId::Managed(7);
        let mut textures = egui::TexturesDelta::default();
        // Two texels side by side: red at u = 0, blue at u = 1.
        let image = egui::ColorImage::new([2, 1], vec![Color32::RED, Color32::BLUE]);
        textures.set.insert(
            id,
            std::iter::once(egui::epaint::ImageDelta::full(
                image,
                egui::TextureOptions::NEAREST,
            ))
            .collect(),
        );
        // A 40×40 square whose u runs down the screen (its texture turned a quarter).
        let mut mesh = egui::Mesh::with_texture(id);
        let corner = |x: f32, y: f32, u: f32, v: f32| egui::epaint::Vertex {
            pos: Pos2::new(x, y),
            uv: Pos2::new(u, v),
            color: Color32::WHITE,
        };
        mesh.vertices = vec![
            corner(20.0, 20.0, 0.0, 1.0),
            corner(60.0, 20.0, 0.0, 0.0),
            corner(60.0, 60.0, 1.0, 0.0),
            corner(20.0, 60.0, 1.0, 1.0),
        ];
        // The renderer looks for rectangles only where more triangles follow: a second
        // square, the same way up, comes after.
        let first = mesh.vertices.clone();
        mesh.vertices
            .extend(first.iter().map(|c| egui::epaint::Vertex {
                pos: c.pos + vec2(80.0, 0.0),
                ..*c
            }));
        mesh.indices = vec![0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7];
        let primitives = [egui::ClippedPrimitive {
            clip_rect: Rect::from_min_size(Pos2::ZERO, vec2(W as f32, H as f32)),
            primitive: egui::epaint::Primitive::Mesh(mesh),
        }];
        let mut pixels = vec![0; W * H];
        painter.paint(&mut pixels, [W, H], BACKGROUND, &primitives, textures, 1.0);
        // The top half is red and the bottom half blue, across the whole width.
        assert_eq!(at(&pixels, 25, 25), rgb(Color32::RED));
        assert_eq!(at(&pixels, 55, 25), rgb(Color32::RED));
        assert_eq!(at(&pixels, 25, 55), rgb(Color32::BLUE));
        assert_eq!(at(&pixels, 55, 55), rgb(Color32::BLUE));
        assert_eq!(at(&pixels, 105, 25), rgb(Color32::RED));
        assert_eq!(at(&pixels, 135, 55), rgb(Color32::BLUE));
    }

    /// A triangle with a corner that is not a number covers nothing (as on a GPU): egui
    /// gives such corners to a line that turns straight back, and the renderer drew them
    /// as a line towards the window's corner.
    #[test]
    fn a_triangle_with_a_corner_that_is_not_a_number_draws_nothing() {
        let mut painter = Painter::new();
        let mut mesh = egui::Mesh::default();
        let corner = |x: f32, y: f32| egui::epaint::Vertex {
            pos: Pos2::new(x, y),
            uv: egui::epaint::WHITE_UV,
            color: Color32::GREEN,
        };
        mesh.vertices = vec![
            corner(150.0, 60.0),
            corner(190.0, 100.0),
            corner(f32::NAN, f32::NAN),
            corner(20.0, 20.0),
            corner(40.0, 20.0),
            corner(40.0, 40.0),
        ];
        mesh.indices = vec![0, 1, 2, 3, 4, 5];
        let primitives = [egui::ClippedPrimitive {
            clip_rect: Rect::from_min_size(Pos2::ZERO, vec2(W as f32, H as f32)),
            primitive: egui::epaint::Primitive::Mesh(mesh),
        }];
        let ctx = egui::Context::default();
        // The font texture (with its white texel) from a first pass.
        let out = ctx.run_ui(Default::default(), |_| {});
        let mut pixels = vec![0; W * H];
        painter.paint(
            &mut pixels,
            [W, H],
            BACKGROUND,
            &[],
            out.textures_delta,
            1.0,
        );
        painter.paint(
            &mut pixels,
            [W, H],
            BACKGROUND,
            &primitives,
            Default::default(),
            1.0,
        );
        let green = pixels.iter().filter(|&&p| p == rgb(Color32::GREEN)).count();
        // The good triangle's 200-odd pixels, and nothing of the other.
        assert!((150..=260).contains(&green), "{green} green pixels");
        let stray = (60..100)
            .flat_map(|y| (150..190).map(move |x| (x, y)))
            .filter(|&(x, y)| at(&pixels, x, y) != rgb(BACKGROUND))
            .count();
        assert_eq!(stray, 0);
    }

    /// A clip rectangle is rounded to whole pixels, as a GPU's scissor is: a shape cut at
    /// 10.6 and 50.4 is drawn from row 11 up to row 49, nothing of it above or below (a
    /// scrolled list showed a row of what lies past its edge).
    #[test]
    fn a_shape_is_cut_at_its_clip_rounded_to_whole_pixels() {
        let ctx = egui::Context::default();
        let mut painter = Painter::new();
        let pixels = draw(&ctx, &mut painter, |ui| {
            let clip = Rect::from_min_max(Pos2::new(10.6, 10.6), Pos2::new(50.4, 50.4));
            ui.painter().with_clip_rect(clip).rect_filled(
                Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(80.0, 80.0)),
                0.0,
                Color32::RED,
            );
        });
        for (x, y, red) in [
            (30, 10, false),
            (30, 11, true),
            (30, 49, true),
            (30, 50, false),
            (10, 30, false),
            (11, 30, true),
            (49, 30, true),
            (50, 30, false),
        ] {
            assert_eq!(at(&pixels, x, y) == rgb(Color32::RED), red, "({x}, {y})");
        }
    }

    /// Odd texture changes are no panic: an empty image, and a change reaching past its
    /// texture (cut to it; what is inside is applied).
    #[test]
    fn an_empty_texture_or_a_change_past_its_texture_is_no_panic() {
        let mut painter = Painter::new();
        let (empty, small) = (egui::TextureId::Managed(8), egui::TextureId::Managed(9));
        let delta = |image: egui::ColorImage, pos: Option<[usize; 2]>| {
            let mut d = egui::epaint::ImageDelta::full(image, egui::TextureOptions::NEAREST);
            d.pos = pos;
            std::iter::once(d).collect()
        };
        let mut textures = egui::TexturesDelta::default();
        textures
            .set
            .insert(empty, delta(egui::ColorImage::new([0, 0], vec![]), None));
        textures.set.insert(
            small,
            delta(egui::ColorImage::new([2, 2], vec![Color32::RED; 4]), None),
        );
        let mut pixels = vec![0; W * H];
        painter.paint(&mut pixels, [W, H], BACKGROUND, &[], textures, 1.0);
        let mut textures = egui::TexturesDelta::default();
        textures.set.insert(
            small,
            delta(
                egui::ColorImage::new([3, 3], vec![Color32::BLUE; 9]),
                Some([1, 1]),
            ),
        );
        painter.paint(&mut pixels, [W, H], BACKGROUND, &[], textures, 1.0);
        assert_eq!(at(&pixels, 0, 0), rgb(BACKGROUND));
    }

    /// Pixels of another count than the size said are left alone, not a panic.
    #[test]
    fn a_buffer_of_the_wrong_size_is_left_alone() {
        let mut painter = Painter::new();
        let mut pixels = vec![7u32; 10];
        painter.paint(
            &mut pixels,
            [4, 4],
            BACKGROUND,
            &[],
            Default::default(),
            1.0,
        );
        assert_eq!(pixels, vec![7u32; 10]);
    }
}
