<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>cosmos::app</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>사용 가능 (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available (running on the CPU)</source>
        <translation>사용 불가 (CPU에서 실행 중)</translation>
    </message>
    <message>
        <source>Cosmos Studio: world simulations with video world models.</source>
        <translation>코스모스 스튜디오: 비디오 월드 모델로 만드는 월드 시뮬레이션.</translation>
    </message>
    <message>
        <source>User-interface language (e.g. ko, en).</source>
        <translation>사용자 인터페이스 언어 (예: ko, en).</translation>
    </message>
</context>
<context>
    <name>cosmos::app::MainWindow</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n device(s))</source>
        <translation>
            <numerusform>CUDA (장치 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Engine: %1 · LibTorch %2</source>
        <translation>엔진: %1 · LibTorch %2</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>새 프로젝트(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>프로젝트 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Projects are not available in this build yet.</source>
        <translation>이 빌드에서는 아직 프로젝트를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Cosmos Studio</source>
        <translation>Cosmos Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation>최근 프로젝트 없음</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::projects</name>
    <message>
        <source>unavailable (Qt SQLite driver missing)</source>
        <translation>사용 불가 (Qt SQLite 드라이버 없음)</translation>
    </message>
    <message>
        <source>unavailable (could not open SQLite)</source>
        <translation>사용 불가 (SQLite를 열 수 없음)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::AboutDialog</name>
    <message>
        <source>About Cosmos Studio</source>
        <translation>Cosmos Studio 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cosmos Studio %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;코스모스 스튜디오 %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Author world simulations with Cosmos-Predict2.5-class video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>Cosmos-Predict2.5급 비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>버전 복사(&amp;C)</translation>
    </message>
</context>
<context>
    <name>cosmos::widgets::WelcomePanel</name>
    <message>
        <source>Cosmos Studio</source>
        <translation>코스모스 스튜디오</translation>
    </message>
    <message>
        <source>Author world simulations with video world models: text, image or video in, a physically plausible rollout out.</source>
        <translation>비디오 월드 모델로 월드 시뮬레이션을 제작합니다: 텍스트, 이미지 또는 비디오를 넣으면 물리적으로 그럴듯한 전개가 나옵니다.</translation>
    </message>
</context>
</TS>
